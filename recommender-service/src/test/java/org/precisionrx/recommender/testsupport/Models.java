package org.precisionrx.recommender.testsupport;

import java.time.Duration;
import java.time.Instant;

import org.precisionrx.recommender.model.ModelRegistry;

/** Tests wait, as a load balancer would, until the models have loaded (readiness UP). */
public final class Models {

    private Models() {
    }

    public static void awaitLoaded(ModelRegistry registry) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (!registry.ready()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("ranking models did not load within 120 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
