package org.precisionrx.gateway.audit;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Where the gateway reports every access to patient data, before any of it leaves the gateway.
 *
 * <p>Records are committed in transactions of their own (by the {@link AuditWriter}, which groups
 * records submitted at the same time into one commit), so they stay written even if the caller's
 * transaction rolls back, and a caller's transaction cannot hold the chain head locked. Blocking:
 * call it from a worker thread, not the event loop.
 */
@ApplicationScoped
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class);
    private static final Duration HEAD_LOCK_TIMEOUT = Duration.ofSeconds(5);

    private final AuditWriter writer;

    @Inject
    public AuditTrail(DataSource dataSource, AuditConfig config) {
        Objects.requireNonNull(dataSource, "dataSource");
        AuditLedger ledger = new AuditLedger(Clock.systemUTC(), HEAD_LOCK_TIMEOUT);
        int transactionTimeout = Math.toIntExact(Math.max(1, config.commitTimeout().toSeconds()));
        this.writer = new AuditWriter(records -> appendInNewTransaction(dataSource, ledger, records, transactionTimeout),
                config.queueCapacity(), config.maxBatch(), config.commitTimeout());
    }

    private static List<AuditEntry> appendInNewTransaction(DataSource dataSource, AuditLedger ledger,
            List<AuditRecord> records, int timeoutSeconds) {
        return QuarkusTransaction.requiringNew().timeout(timeoutSeconds).call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                return ledger.appendAll(connection, records);
            }
        });
    }

    /**
     * Writes {@code record} as the next link of the chain and returns once it is committed.
     *
     * @throws AuditUnavailableException if it could not be written, for whatever reason; the
     *                                   access it describes must then be refused
     */
    public AuditEntry append(AuditRecord record) {
        try {
            return writer.append(record);
        } catch (AuditUnavailableException e) {
            // Only classes and SQL states: the record and driver messages may name the patient.
            LOG.errorf("Access refused for request %s, %s", record == null ? null : record.requestId(), e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            AuditUnavailableException unavailable = AuditUnavailableException.because(e);
            LOG.errorf("Access refused for request %s, %s", record == null ? null : record.requestId(),
                    unavailable.getMessage());
            throw unavailable;
        }
    }

    /** Writes what is queued before the database goes away. */
    @PreDestroy
    void drain() throws InterruptedException {
        writer.close();
    }
}
