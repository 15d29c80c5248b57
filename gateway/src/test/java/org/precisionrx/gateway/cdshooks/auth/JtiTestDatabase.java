package org.precisionrx.gateway.cdshooks.auth;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.precisionrx.testsupport.PostgresDatabases;
import org.precisionrx.testsupport.PostgresDatabases.TestDatabase;

/**
 * A fresh database {@code prx_gw_jwt_<suffix>} with only the {@code cds_jti} migration applied, run
 * as plain SQL so these tests do not depend on the gateway's other migrations.
 */
final class JtiTestDatabase {

    private static final String MIGRATION = "/db/migration/V2__cds_jti.sql";

    private JtiTestDatabase() {
    }

    static DataSource create(String suffix) {
        TestDatabase db = PostgresDatabases.recreate("prx_gw_jwt_" + suffix);
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(db.jdbcUrl());
        dataSource.setUser(db.user());
        dataSource.setPassword(db.password());
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute(migration());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot apply " + MIGRATION, e);
        }
        return dataSource;
    }

    private static String migration() {
        try (InputStream in = JtiTestDatabase.class.getResourceAsStream(MIGRATION)) {
            if (in == null) {
                throw new IllegalStateException(MIGRATION + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + MIGRATION, e);
        }
    }
}
