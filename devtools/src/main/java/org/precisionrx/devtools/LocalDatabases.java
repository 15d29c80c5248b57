package org.precisionrx.devtools;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates the databases of the local run when they are missing. Never drops anything: the data of
 * earlier runs is kept (imports are idempotent).
 */
public final class LocalDatabases {

    /** The databases the services' defaults name (PROFILE_DB_URL, GATEWAY_DB_URL). */
    public static final List<String> NAMES = List.of("precisionrx_profile", "precisionrx_gateway");

    private final PostgresSettings settings;

    public LocalDatabases(PostgresSettings settings) {
        this.settings = settings;
    }

    /** Not reachable, or not allowed: the message says what to do. */
    public static final class PostgresProblem extends RuntimeException {
        PostgresProblem(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Each database and whether this call created it. */
    public Map<String, Boolean> ensure() {
        DriverManager.setLoginTimeout(5);
        Map<String, Boolean> created = new LinkedHashMap<>();
        try (Connection admin = connect()) {
            for (String name : NAMES) {
                created.put(name, ensure(admin, name));
            }
        } catch (SQLException e) {
            throw new PostgresProblem("PostgreSQL at " + settings.describe() + " failed: " + e.getMessage(), e);
        }
        return created;
    }

    private Connection connect() {
        try {
            return DriverManager.getConnection(settings.jdbcUrl("postgres"), settings.user(), settings.password());
        } catch (SQLException e) {
            throw new PostgresProblem(unreachable(settings, e.getMessage()), e);
        }
    }

    private boolean ensure(Connection admin, String name) throws SQLException {
        try (PreparedStatement query = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                if (rows.next()) {
                    return false;
                }
            }
        }
        try (Statement sql = admin.createStatement()) {
            // The name is one of NAMES, never input.
            sql.execute("CREATE DATABASE " + name);
            return true;
        } catch (SQLException e) {
            throw new PostgresProblem("cannot create database " + name + " on " + settings.describe() + ": " + e.getMessage()
                    + "\nGive the user CREATEDB, or create it yourself: CREATE DATABASE " + name + ";", e);
        }
    }

    static String unreachable(PostgresSettings settings, String reason) {
        return """
                No PostgreSQL reachable at %s (%s).
                The suite keeps its data in PostgreSQL (databases %s).
                Start one, or point ./precisionrx at one you have, for example:
                  PRX_PG_HOST=db.example.org PRX_PG_PORT=5432 PRX_PG_USER=precisionrx PRX_PG_PASSWORD=... ./precisionrx up
                The user needs the CREATEDB privilege, unless those databases exist already."""
                .formatted(settings.describe(), reason, String.join(", ", NAMES));
    }
}
