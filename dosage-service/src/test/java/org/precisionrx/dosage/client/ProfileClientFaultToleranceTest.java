package org.precisionrx.dosage.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.precisionrx.dosage.testsupport.ScriptedProfileServer;
import org.precisionrx.dosage.v1.DosageServiceGrpc.DosageServiceBlockingStub;
import org.precisionrx.dosage.v1.DoseRequest;
import org.precisionrx.dosage.v1.DoseSubject;
import org.precisionrx.testsupport.CallerDeadlines;
import org.precisionrx.testsupport.GrpcFailures;
import org.precisionrx.testsupport.StandIn;

/**
 * dosage-service's profile client with its real fault-tolerance interceptors, against a scripted gRPC
 * server standing in for patient-profile-service ({@link StandIn}: it counts the calls that reach it
 * and the deadline each carries), directly and through dosage-service's own gRPC API.
 */
@QuarkusTest
@WithTestResource(ScriptedProfileClientConfig.class)
class ProfileClientFaultToleranceTest {

    private static final String PATIENT = "7d3f5a0e-2b1c-4d9e-8f6a-1c2b3d4e5f60";
    private static StandIn server;
    private static boolean connected;

    @Inject
    ProfileClient client;

    @Inject
    CircuitBreakerMaintenance breakers;

    @GrpcClient("dosage")
    DosageServiceBlockingStub dosage;

    @BeforeAll
    static void start() throws Exception {
        server = ScriptedProfileServer.start(ScriptedProfileClientConfig.PORT);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @BeforeEach
    void reset() {
        // The first calls connect, which a loaded machine may not do within the deadline.
        for (int attempt = 0; !connected && attempt < 20; attempt++) {
            try {
                client.fetch(PATIENT);
                connected = true;
            } catch (StatusRuntimeException e) {
                // not connected yet
            }
        }
        server.reset();
        breakers.resetAll();
    }

    @Test
    void aReadIsRetriedWhileTheServiceIsUnavailableAndThenSucceeds() {
        server.failNext(2, Status.UNAVAILABLE);
        assertThat(client.fetch(PATIENT).getPatientId()).isEqualTo(PATIENT);
        assertThat(server.calls).hasValue(3);
    }

    @Test
    void retriesAreBounded() {
        server.failNext(10, Status.UNAVAILABLE);
        StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, () -> client.fetch(PATIENT));
        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(e.getStatus().getDescription()).isEqualTo("patient-profile-service did not answer (UNAVAILABLE)");
        assertThat(server.calls).as("one call and two retries").hasValue(3);
    }

    @Test
    void requestFaultsAndSpentDeadlinesAreNotRetried() {
        server.failNext(1, Status.NOT_FOUND);
        StatusRuntimeException notFound = catchThrowableOfType(StatusRuntimeException.class, () -> client.fetch(PATIENT));
        assertThat(notFound.getStatus().getCode()).as(notFound.getStatus().toString()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(server.calls).hasValue(1);

        server.reset();
        CountDownLatch release = server.holdCalls(); // longer than the 3 s deadline
        StatusRuntimeException late = catchThrowableOfType(StatusRuntimeException.class, () -> client.fetch(PATIENT));
        release.countDown();
        assertThat(late.getStatus().getDescription()).isEqualTo("patient-profile-service did not answer (DEADLINE_EXCEEDED)");
        assertThat(server.calls).hasValue(1);
    }

    @Test
    void anOpenBreakerAnswersAtOnceWithoutCallingTheService() {
        server.failNext(1000, Status.UNAVAILABLE);
        for (int i = 0; i < 4; i++) { // 4 calls × 3 attempts: past the breaker's 10-call window
            catchThrowableOfType(StatusRuntimeException.class, () -> client.fetch(PATIENT));
        }
        int reached = server.calls.get();

        StatusRuntimeException open = catchThrowableOfType(StatusRuntimeException.class, () -> client.fetch(PATIENT));
        assertThat(open.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(open.getStatus().getDescription())
                .isEqualTo("patient-profile-service is failing; not called while its circuit breaker is open");
        assertThat(server.calls).hasValue(reached);
    }

    @Test
    void aFullBulkheadRefusesAtOnceWithResourceExhausted() throws Exception {
        CountDownLatch release = server.holdCalls();
        ExecutorService pool = Executors.newFixedThreadPool(ScriptedProfileClientConfig.BULKHEAD);
        try {
            List<Future<?>> inFlight = new ArrayList<>();
            for (int i = 0; i < ScriptedProfileClientConfig.BULKHEAD; i++) {
                inFlight.add(pool.submit(() -> client.fetch(PATIENT)));
            }
            while (server.calls.get() < ScriptedProfileClientConfig.BULKHEAD) {
                Thread.sleep(10);
            }
            StatusRuntimeException full = catchThrowableOfType(StatusRuntimeException.class, () -> client.fetch(PATIENT));
            assertThat(full.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
            assertThat(full.getStatus().getDescription()).contains("patient-profile-service", "retry");
            assertThat(server.calls).hasValue(ScriptedProfileClientConfig.BULKHEAD);
            release.countDown();
            for (Future<?> call : inFlight) {
                call.get(10, TimeUnit.SECONDS); // the calls inside the bulkhead still complete
            }
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    // Deadlines: the configured one (3 s here), bounded by the caller's; a late call is not started.

    @Test
    void aShorterCallerDeadlineReachesTheProfileService() {
        long caller = 2_000;
        assertThat(CallerDeadlines.within(caller, () -> client.fetch(PATIENT)).getPatientId()).isEqualTo(PATIENT);
        client.fetch(PATIENT);

        assertThat(server.deadlines).hasSize(2);
        assertThat(server.deadlines.get(0)).as("the caller's 2 s, not the configured 3 s").isBetween(1L, caller);
        assertThat(server.deadlines.get(1)).as("without a caller's deadline, the configured 3 s").isGreaterThan(caller);
    }

    @Test
    void aCallerAlreadyLateIsRefusedWithoutCallingTheProfileService() {
        for (long left : new long[] {-1, 20}) { // passed, and under the 50 ms minimum
            StatusRuntimeException late = GrpcFailures.of(() -> CallerDeadlines.within(left, () -> client.fetch(PATIENT)));
            assertThat(late.getStatus().getCode()).as(late.getStatus().toString()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
            assertThat(late.getStatus().getDescription()).startsWith("not calling patient-profile-service");
        }
        assertThat(server.calls).as("patient-profile-service never called").hasValue(0);
    }

    @Test
    void lateCallersDoNotOpenTheBreakerOfAHealthyProfileService() {
        for (int i = 0; i < 12; i++) { // more than the breaker's 10-call window
            GrpcFailures.of(() -> CallerDeadlines.within(-1, () -> client.fetch(PATIENT)));
        }
        assertThat(client.fetch(PATIENT).getPatientId()).as("the breaker is still closed").isEqualTo(PATIENT);
        assertThat(server.calls).hasValue(1);
    }

    @Test
    void theCallersDeadlineReachesTheProfileServiceThroughDosageService() {
        long caller = 2_500;
        DoseRequest request = DoseRequest.newBuilder().setSubject(DoseSubject.newBuilder().setPatientId(PATIENT))
                .setDrugId("clopidogrel").setIndicationId("acs-pci").build();
        dosage.recommendDose(request); // also connects, which a loaded machine may not do within the caller's deadline
        assertThat(server.deadlines).as("without a caller's deadline, the configured 3 s")
                .singleElement().satisfies(left -> assertThat(left).isGreaterThan(caller));

        server.reset();
        dosage.withDeadlineAfter(caller, TimeUnit.MILLISECONDS).recommendDose(request);
        assertThat(server.deadlines).as("RecommendDose with the caller's 2.5 s, not the configured 3 s")
                .singleElement().satisfies(left -> assertThat(left).isBetween(1L, caller));
    }
}
