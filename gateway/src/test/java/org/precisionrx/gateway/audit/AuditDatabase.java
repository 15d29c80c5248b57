package org.precisionrx.gateway.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.precisionrx.testsupport.PostgresDatabases;
import org.precisionrx.testsupport.PostgresDatabases.TestDatabase;

/** A fresh database with the audit migration applied, and the SQL a tamperer would run. */
final class AuditDatabase {

    private AuditDatabase() {
    }

    /** Drops and recreates {@code prx_gw_audit_<suffix>}, then applies V1 (and only V1) with Flyway. */
    static DataSource fresh(String suffix) {
        TestDatabase db = PostgresDatabases.recreate("prx_gw_audit_" + suffix);
        Flyway.configure()
                .dataSource(db.jdbcUrl(), db.user(), db.password())
                .locations("classpath:db/migration")
                .target("1")
                .load()
                .migrate();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(db.jdbcUrl());
        dataSource.setUser(db.user());
        dataSource.setPassword(db.password());
        return dataSource;
    }

    /** Appends in a transaction of its own, as AuditTrail does inside Quarkus. */
    static AuditEntry append(DataSource dataSource, AuditLedger ledger, AuditRecord record) throws SQLException {
        return appendAll(dataSource, ledger, List.of(record)).get(0);
    }

    /** Appends a group in one transaction of its own, as AuditWriter's batches are inside Quarkus. */
    static List<AuditEntry> appendAll(DataSource dataSource, AuditLedger ledger, List<AuditRecord> records)
            throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<AuditEntry> entries = ledger.appendAll(connection, records);
                connection.commit();
                return entries;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** Runs statements as a superuser who has switched the append-only triggers off, then on again. */
    static void tamper(DataSource dataSource, String... statements) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            sql.execute("ALTER TABLE audit_event DISABLE TRIGGER ALL");
            sql.execute("ALTER TABLE audit_chain_head DISABLE TRIGGER ALL");
            for (String statement : statements) {
                sql.execute(statement);
            }
            sql.execute("ALTER TABLE audit_event ENABLE TRIGGER ALL");
            sql.execute("ALTER TABLE audit_chain_head ENABLE TRIGGER ALL");
            connection.commit();
        }
    }
}
