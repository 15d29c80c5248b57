package org.precisionrx.gateway.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the gateway's audit table directly, as a privacy officer's database check would. */
public final class AuditLog {

    public record Row(long sequence, String subject, String role, String patientId, String action, String purpose,
            String reason, String outcome, boolean emergency) {
    }

    private AuditLog() {
    }

    /** Records of one request, in order. */
    public static List<Row> forRequest(String requestId) {
        return query("SELECT sequence, subject, role, patient_id, action, purpose, reason, outcome, emergency "
                + "FROM audit_event WHERE request_id = ? ORDER BY sequence", requestId);
    }

    /** The detail column of one request's records, in order. */
    public static List<String> detailsForRequest(String requestId) {
        try (Connection c = connect();
                PreparedStatement statement = c.prepareStatement("SELECT detail FROM audit_event WHERE request_id = ? ORDER BY sequence")) {
            statement.setString(1, requestId);
            List<String> details = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    details.add(rs.getString(1));
                }
            }
            return details;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long firstSequence() {
        return Long.parseLong(single("SELECT min(sequence)::text FROM audit_event"));
    }

    public static String subjectAt(long sequence) {
        return single("SELECT subject FROM audit_event WHERE sequence = " + sequence);
    }

    /** True when the statement is refused (e.g. by the append-only trigger). */
    public static boolean fails(String sql) {
        try (Connection c = connect(); var statement = c.createStatement()) {
            statement.execute(sql);
            return false;
        } catch (SQLException e) {
            return true;
        }
    }

    private static String single(String sql) {
        try (Connection c = connect(); var statement = c.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void execute(String sql) {
        try (Connection c = connect(); var statement = c.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Row> query(String sql, String parameter) {
        try (Connection c = connect(); PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setString(1, parameter);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getBoolean(9)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect() throws SQLException {
        var db = GatewaySuite.database();
        return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
    }
}
