package org.precisionrx.profile.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives the tests their own database on a real PostgreSQL server (no Dev Services, no containers).
 * The server defaults to {@code jdbc:postgresql://127.0.0.1:5432/}; set {@code PRX_TEST_PG_URL}
 * (and {@code PRX_TEST_PG_USER}, {@code PRX_TEST_PG_PASSWORD}) to use another. The database is
 * dropped and created afresh so that every run starts from the same state; nothing else on the
 * server is touched.
 */
public class PostgresTestDatabase implements QuarkusTestResourceLifecycleManager {

    static final String DATABASE = "precisionrx_profile_test";

    @Override
    public Map<String, String> start() {
        String server = setting("PRX_TEST_PG_URL", "prx.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/");
        String user = setting("PRX_TEST_PG_USER", "prx.test.pg.user", "postgres");
        String password = setting("PRX_TEST_PG_PASSWORD", "prx.test.pg.password", "");
        String base = server.endsWith("/") ? server : server + "/";
        try (Connection admin = DriverManager.getConnection(base + "postgres", user, password);
                Statement sql = admin.createStatement()) {
            if (exists(admin)) {
                sql.execute("DROP DATABASE " + DATABASE + " WITH (FORCE)");
            }
            sql.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare test database " + DATABASE + " on " + base
                    + " (is PostgreSQL running? set PRX_TEST_PG_URL to point elsewhere)", e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", base + DATABASE,
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password);
    }

    @Override
    public void stop() {
        // The database is kept for inspection after a failed run; the next run recreates it.
    }

    private static boolean exists(Connection admin) throws SQLException {
        try (PreparedStatement query = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, DATABASE);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static String setting(String env, String property, String fallback) {
        String value = System.getenv(env);
        if (value == null || value.isBlank()) {
            value = System.getProperty(property);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
