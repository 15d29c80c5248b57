package org.precisionrx.recommender.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.precisionrx.recommender.client.StandInDownstreams.BULKHEAD;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.precisionrx.recommender.testsupport.Models;
import org.precisionrx.testsupport.GrpcFailures;

/** Bulkheads of the clients: a full one refuses at once, while the calls inside it are still held. See {@link StandInClientsTest}. */
@QuarkusTest
@WithTestResource(StandInDownstreams.class)
class ClientBulkheadsTest extends StandInClientsTest {

    @Test
    void aFullBulkheadRefusesAtOnce() throws Exception {
        Models.awaitLoaded(registry);
        CountDownLatch releaseProfiles = profiles.holdCalls();
        CountDownLatch releaseDosage = dosage.holdCalls();
        ExecutorService pool = Executors.newFixedThreadPool(2 * BULKHEAD);
        try {
            List<Future<?>> inside = new ArrayList<>();
            for (int i = 0; i < BULKHEAD; i++) {
                inside.add(pool.submit(() -> profileClient.fetch(PATIENT)));
                inside.add(pool.submit(this::doses));
            }
            awaitHeld(profiles, BULKHEAD);
            awaitHeld(dosage, BULKHEAD);

            StatusRuntimeException full = GrpcFailures.of(() -> profileClient.fetch(PATIENT));
            assertThat(full.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
            assertThat(full.getStatus().getDescription()).isEqualTo("too many calls to patient-profile-service in flight; retry shortly");
            StatusRuntimeException viaRecommend = GrpcFailures.of(() -> recommend(recommender));
            assertThat(viaRecommend.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
            assertThat(doses()).as("no doses: the caller answers degraded").isEmpty();

            // Refused while the calls inside were still held: nothing queued behind them.
            assertThat(profiles.held).hasValue(BULKHEAD);
            assertThat(dosage.held).hasValue(BULKHEAD);
            assertThat(profiles.calls).hasValue(BULKHEAD);
            assertThat(dosage.calls).hasValue(BULKHEAD);

            releaseProfiles.countDown();
            releaseDosage.countDown();
            for (Future<?> call : inside) {
                assertThat(call.get(30, TimeUnit.SECONDS)).isNotNull(); // the calls inside still complete
            }
        } finally {
            releaseProfiles.countDown();
            releaseDosage.countDown();
            pool.shutdownNow();
        }
    }
}
