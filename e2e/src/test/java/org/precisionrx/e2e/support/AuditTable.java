package org.precisionrx.e2e.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.precisionrx.testsupport.PostgresDatabases.TestDatabase;

/** The gateway's audit table read directly, as a privacy officer's database check would. */
public final class AuditTable {

    /** One audit record, without its hashes. */
    public record Row(long sequence, String requestId, String subject, String role, String patientId, String action,
            String outcome, boolean emergency) {

        /** A record of the gateway's own decision, not of a gRPC call it made on the caller's behalf. */
        public boolean isGatewayDecision() {
            return !action.startsWith("grpc:");
        }
    }

    private final TestDatabase database;

    public AuditTable(RunningSystem system) {
        this.database = system.gatewayDatabase();
    }

    /** The records of one request, in order. */
    public List<Row> forRequest(String requestId) {
        List<Row> rows = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement query = c.prepareStatement(
                "SELECT sequence, request_id, subject, role, patient_id, action, outcome, emergency"
                        + " FROM audit_event WHERE request_id = ? ORDER BY sequence")) {
            query.setString(1, requestId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getBoolean(8)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read audit_event", e);
        }
    }

    /** The last record of the gateway's own decision for a request: what the request's outcome was. */
    public Row decisionOf(String requestId) {
        List<Row> decisions = forRequest(requestId).stream().filter(Row::isGatewayDecision).toList();
        if (decisions.isEmpty()) {
            throw new AssertionError("no audit record (other than gRPC calls) for request " + requestId);
        }
        return decisions.get(decisions.size() - 1);
    }

    /** Every request id that has at least one record of the gateway's own decision. */
    public Set<String> requestIdsWithDecisions() {
        Set<String> ids = new HashSet<>();
        try (Connection c = connect(); PreparedStatement query = c.prepareStatement(
                "SELECT DISTINCT request_id FROM audit_event WHERE action NOT LIKE 'grpc:%'");
                ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read audit_event", e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }
}
