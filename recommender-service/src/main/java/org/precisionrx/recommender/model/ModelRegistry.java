package org.precisionrx.recommender.model;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

/**
 * Holds the model set being served. A new set is swapped in atomically only after it has loaded
 * and passed its self-check; requests in flight keep the set they started with. The old set is
 * closed after a grace period, so that no request loses its model mid-call.
 */
@ApplicationScoped
public class ModelRegistry {

    private static final Logger LOG = Logger.getLogger(ModelRegistry.class);

    private final AtomicReference<ModelSet> current = new AtomicReference<>();

    public Optional<ModelSet> current() {
        return Optional.ofNullable(current.get());
    }

    public boolean ready() {
        return current.get() != null;
    }

    /** @throws IllegalStateException when the candidate fails its self-check (the served set is kept) */
    public void swapIn(ModelSet candidate) {
        SelfCheck.verify(candidate);
        ModelSet previous = current.getAndSet(candidate);
        LOG.infof("serving ranking models %s for %s", candidate.version(), candidate.indications());
        if (previous != null && previous != candidate) {
            retire(previous);
        }
    }

    /** At shutdown: requests still waiting for a model get UNAVAILABLE, and the sessions are freed. */
    @PreDestroy
    void closeServed() {
        ModelSet served = current.getAndSet(null);
        if (served != null) {
            served.close();
        }
    }

    private static void retire(ModelSet previous) {
        Thread retire = new Thread(() -> {
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            previous.close();
        }, "retire-models-" + previous.version());
        retire.setDaemon(true);
        retire.start();
    }
}
