package org.precisionrx.profile.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.precisionrx.testsupport.PostgresDatabases;
import org.precisionrx.testsupport.PostgresDatabases.TestDatabase;

/** Points the service under test at its own, freshly created database on the real PostgreSQL. */
public class PostgresTestDatabase implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        TestDatabase db = PostgresDatabases.recreate("precisionrx_profile_test");
        return Map.of(
                "quarkus.datasource.jdbc.url", db.jdbcUrl(),
                "quarkus.datasource.username", db.user(),
                "quarkus.datasource.password", db.password());
    }

    @Override
    public void stop() {
        // Kept for inspection after a failed run; the next run recreates it.
    }
}
