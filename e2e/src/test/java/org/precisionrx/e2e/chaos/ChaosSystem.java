package org.precisionrx.e2e.chaos;

import org.precisionrx.e2e.support.RunningSystem;
import org.precisionrx.e2e.support.SystemLayout;
import org.precisionrx.testsupport.PrivatePostgres;

/**
 * The suite for chaos tests: its own PostgreSQL cluster (which the tests crash; never the shared
 * server) and its own Keycloak and services on ports 18681-18699, so killing things here touches
 * nothing else on the machine.
 */
public final class ChaosSystem implements AutoCloseable {

    static final int POSTGRES_PORT = 15433;

    private final PrivatePostgres postgres;
    private final RunningSystem system;

    private ChaosSystem(PrivatePostgres postgres, RunningSystem system) {
        this.postgres = postgres;
        this.system = system;
    }

    static ChaosSystem start() {
        PrivatePostgres postgres = PrivatePostgres.start(POSTGRES_PORT);
        try {
            SystemLayout layout = new SystemLayout("chaos", 18681, 18682, 18683, 18684, 18690, 19690,
                    "prx_chaos_profile", "prx_chaos_gateway", postgres::database);
            return new ChaosSystem(postgres, RunningSystem.start(layout));
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    public RunningSystem system() {
        return system;
    }

    public PrivatePostgres postgres() {
        return postgres;
    }

    @Override
    public void close() {
        try {
            system.close();
        } finally {
            postgres.close();
        }
    }
}
