package org.precisionrx.gateway.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Finds audit records for auditors, oldest first, one page at a time. */
@ApplicationScoped
public class AuditSearch {

    private final DataSource dataSource;

    @Inject
    public AuditSearch(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * The records matching {@code filter}, ordered by sequence ascending.
     *
     * @throws IllegalArgumentException if the limit is outside 1..{@value AuditFilter#MAX_LIMIT}
     * @throws IllegalStateException    if the database cannot be read
     */
    public List<AuditEntry> find(AuditFilter filter) {
        Objects.requireNonNull(filter, "filter");
        if (filter.limit() < 1 || filter.limit() > AuditFilter.MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + AuditFilter.MAX_LIMIT);
        }
        Query query = Query.of(filter);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(query.sql())) {
            for (int i = 0; i < query.parameters().size(); i++) {
                statement.setObject(i + 1, query.parameters().get(i));
            }
            List<AuditEntry> entries = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    entries.add(AuditRows.read(rows));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("audit search failed: " + e.getClass().getName()
                    + " [SQLState " + e.getSQLState() + "]");
        }
    }

    /** The SQL for a filter; every value is a bind parameter. */
    record Query(String sql, List<Object> parameters) {

        static Query of(AuditFilter f) {
            StringBuilder where = new StringBuilder(" WHERE true");
            List<Object> parameters = new ArrayList<>();
            condition(where, parameters, " AND patient_id = ?", f.patientId());
            condition(where, parameters, " AND subject = ?", f.subject());
            condition(where, parameters, " AND action = ?", f.action());
            condition(where, parameters, " AND outcome = ?", f.outcome() == null ? null : f.outcome().name());
            if (f.emergency() != null) {
                // A literal rather than a parameter, so the planner can use the partial emergency index.
                where.append(f.emergency() ? " AND emergency" : " AND NOT emergency");
            }
            condition(where, parameters, " AND recorded_at >= ?", f.from() == null ? null
                    : OffsetDateTime.ofInstant(f.from(), ZoneOffset.UTC));
            condition(where, parameters, " AND recorded_at < ?", f.to() == null ? null
                    : OffsetDateTime.ofInstant(f.to(), ZoneOffset.UTC));
            condition(where, parameters, " AND sequence > ?", f.afterSequence());
            parameters.add(f.limit());
            return new Query("SELECT " + AuditRows.COLUMNS + " FROM audit_event" + where
                    + " ORDER BY sequence LIMIT ?", List.copyOf(parameters));
        }

        private static void condition(StringBuilder where, List<Object> parameters, String clause, Object value) {
            if (value != null) {
                where.append(clause);
                parameters.add(value);
            }
        }
    }
}
