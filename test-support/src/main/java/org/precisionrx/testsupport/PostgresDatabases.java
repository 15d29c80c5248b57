package org.precisionrx.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * Creates a test suite's own database on a real PostgreSQL server (no Dev Services, no containers).
 * The server defaults to {@code jdbc:postgresql://127.0.0.1:5432/} as {@code postgres}; set
 * {@code PRX_TEST_PG_URL}, {@code PRX_TEST_PG_USER} and {@code PRX_TEST_PG_PASSWORD} to use another.
 * The database is dropped and created afresh, so every run starts from the same state; nothing
 * else on the server is touched.
 */
public final class PostgresDatabases {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private PostgresDatabases() {
    }

    /** A fresh, empty database for a suite. */
    public static TestDatabase recreate(String name) {
        return recreate(setting("PRX_TEST_PG_URL", "prx.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/"),
                setting("PRX_TEST_PG_USER", "prx.test.pg.user", "postgres"),
                setting("PRX_TEST_PG_PASSWORD", "prx.test.pg.password", ""), name);
    }

    /** A fresh, empty database on the server at {@code server} ({@code jdbc:postgresql://host:port/}). */
    public static TestDatabase recreate(String server, String user, String password, String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a safe database name: " + name);
        }
        String base = server.endsWith("/") ? server : server + "/";
        TestDatabase db = new TestDatabase(base + name, user, password);
        try (Connection admin = DriverManager.getConnection(base + "postgres", db.user(), db.password());
                Statement sql = admin.createStatement()) {
            if (exists(admin, name)) {
                sql.execute("DROP DATABASE " + name + " WITH (FORCE)");
            }
            sql.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare test database " + name + " on " + base
                    + " (is PostgreSQL running? set PRX_TEST_PG_URL to point elsewhere)", e);
        }
        return db;
    }

    private static boolean exists(Connection admin, String name) throws SQLException {
        try (PreparedStatement query = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
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

    /** JDBC coordinates of a test database. */
    public record TestDatabase(String jdbcUrl, String user, String password) {
    }
}
