package org.precisionrx.devtools;

import java.util.Map;

/** The PostgreSQL server of the local run, from {@code PRX_PG_HOST}, {@code _PORT}, {@code _USER}, {@code _PASSWORD}. */
public record PostgresSettings(String host, int port, String user, String password) {

    public static PostgresSettings fromEnv(Map<String, String> env) {
        return new PostgresSettings(
                value(env, "PRX_PG_HOST", "127.0.0.1"),
                port(value(env, "PRX_PG_PORT", "5432")),
                value(env, "PRX_PG_USER", "postgres"),
                env.getOrDefault("PRX_PG_PASSWORD", ""));
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** For messages: where and as whom, never the password. */
    public String describe() {
        return host + ":" + port + " as user " + user;
    }

    private static String value(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("PRX_PG_PORT must be a port number (1-65535), not '" + text + "'");
    }
}
