package org.precisionrx.gateway.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A fingerprint of everything stored behind the gateway: each table of the gateway's and the
 * profile service's databases, hashed row by row. Two equal fingerprints mean nothing was
 * inserted, changed or deleted. The audit trail and the CDS replay guard are left out: refusals
 * are meant to be audited.
 */
public final class StoredData {

    private static final Set<String> NOT_DATA = Set.of("audit_event", "audit_chain_head", "cds_jti", "flyway_schema_history");

    private StoredData() {
    }

    /** Table name (prefixed with its database) → md5 of its rows in a stable order. */
    public static Map<String, String> fingerprint() {
        Map<String, String> tables = new TreeMap<>();
        String gatewayUrl = GatewaySuite.database().jdbcUrl();
        String profileUrl = gatewayUrl.substring(0, gatewayUrl.lastIndexOf('/') + 1) + GatewaySuite.PROFILE_DATABASE;
        read("gateway", gatewayUrl, tables);
        read("profile", profileUrl, tables);
        return tables;
    }

    private static void read(String prefix, String url, Map<String, String> into) {
        var db = GatewaySuite.database();
        try (Connection c = DriverManager.getConnection(url, db.user(), db.password()); Statement sql = c.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = sql.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            for (String table : names) {
                if (NOT_DATA.contains(table)) {
                    continue;
                }
                try (ResultSet rs = sql.executeQuery("SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '')"
                        + " FROM \"" + table + "\" t")) {
                    rs.next();
                    into.put(prefix + "." + table, rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + prefix + " database", e);
        }
    }
}
