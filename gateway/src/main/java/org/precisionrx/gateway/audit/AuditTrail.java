package org.precisionrx.gateway.audit;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

import javax.sql.DataSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Where the gateway reports every access to patient data, before any of it leaves the gateway.
 *
 * <p>Each record commits in a transaction of its own, so it stays written even if the caller's
 * transaction rolls back, and a caller's transaction cannot hold the chain head locked. Blocking:
 * call it from a worker thread, not the event loop.
 */
@ApplicationScoped
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class);
    private static final Duration HEAD_LOCK_TIMEOUT = Duration.ofSeconds(5);
    private static final int TRANSACTION_TIMEOUT_SECONDS = 10;

    private final DataSource dataSource;
    private final AuditLedger ledger;

    @Inject
    public AuditTrail(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.ledger = new AuditLedger(Clock.systemUTC(), HEAD_LOCK_TIMEOUT);
    }

    /**
     * Writes {@code record} as the next link of the chain and commits it.
     *
     * @throws AuditUnavailableException if it could not be written, for whatever reason; the
     *                                   access it describes must then be refused
     */
    public AuditEntry append(AuditRecord record) {
        try {
            return QuarkusTransaction.requiringNew()
                    .timeout(TRANSACTION_TIMEOUT_SECONDS)
                    .call(() -> {
                        try (Connection connection = dataSource.getConnection()) {
                            return ledger.append(connection, record);
                        }
                    });
        } catch (RuntimeException e) {
            AuditUnavailableException unavailable = AuditUnavailableException.because(e);
            // Only classes and SQL states: the record and driver messages may name the patient.
            LOG.errorf("Access refused for request %s, %s", record == null ? null : record.requestId(),
                    unavailable.getMessage());
            throw unavailable;
        }
    }
}
