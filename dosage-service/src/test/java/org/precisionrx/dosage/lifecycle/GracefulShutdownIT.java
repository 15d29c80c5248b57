package org.precisionrx.dosage.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import org.junit.jupiter.api.Test;
import org.precisionrx.dosage.testsupport.ScriptedProfileServer;
import org.precisionrx.dosage.v1.DosageServiceGrpc;
import org.precisionrx.dosage.v1.DosageServiceGrpc.DosageServiceBlockingStub;
import org.precisionrx.dosage.v1.DoseRecommendation;
import org.precisionrx.dosage.v1.DoseRequest;
import org.precisionrx.dosage.v1.DoseSubject;
import org.precisionrx.profile.v1.PatientProfile;
import org.precisionrx.testsupport.ServiceProcess;
import org.precisionrx.testsupport.StandIn;

/**
 * The packaged dosage-service as a real process, stopped with SIGTERM while a request is in flight
 * (its profile call is held by a scripted profile server): the in-flight request completes, new
 * ones are refused (UNAVAILABLE), the process exits within the shutdown timeout and closes the model last.
 */
class GracefulShutdownIT {

    private static final int PROFILE_PORT = 18663;
    private static final int DOSAGE_PORT = 18664;
    private static final String PATIENT = "7d3f5a0e-2b1c-4d9e-8f6a-1c2b3d4e5f60";
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(20);

    @Test
    void sigtermDrainsInFlightRequestsRefusesNewOnesThenClosesTheModelAndExits() throws Exception {
        try (StandIn profiles = ScriptedProfileServer.start(PROFILE_PORT);
                ServiceProcess dosage = startDosage()) {
            ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", DOSAGE_PORT).usePlaintext().build();
            try {
                DosageServiceBlockingStub stub = DosageServiceGrpc.newBlockingStub(channel);
                CountDownLatch release = profiles.holdCalls();
                CompletableFuture<DoseRecommendation> inFlight = CompletableFuture.supplyAsync(() -> stub
                        .withDeadlineAfter(60, TimeUnit.SECONDS).recommendDose(request()));
                while (profiles.calls.get() == 0) {
                    Thread.sleep(20);
                }

                CompletableFuture<OptionalInt> exit = CompletableFuture.supplyAsync(() -> dosage.terminate(SHUTDOWN_TIMEOUT));
                StatusRuntimeException refused = awaitRefusal(stub);
                assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
                assertThat(dosage.isAlive()).as("still draining the held request").isTrue();
                assertThat(indexOf(dosage.logLines(), "warfarin dose model closed"))
                        .as("the model is not closed while a request is in flight").isNegative();

                release.countDown();
                assertThat(inFlight.get(30, TimeUnit.SECONDS).getDrugId()).isEqualTo("clopidogrel");
                // 143 = 128 + SIGTERM: how a JVM that ran its shutdown to the end reports a SIGTERM
                // exit (Kubernetes reads it as a clean stop); a timeout or crash would leave it running or differ.
                assertThat(exit.get(SHUTDOWN_TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS)).hasValue(143);
                List<String> log = dosage.logLines();
                assertThat(indexOf(log, "all http requests complete")).isNotNegative() // gRPC shares the HTTP server
                        .isLessThan(indexOf(log, "warfarin dose model closed"));
            } finally {
                channel.shutdownNow();
            }
        }
    }

    /** The packaged service, with a profile deadline longer than the test holds the profile call. */
    private static ServiceProcess startDosage() {
        return ServiceProcess.start(Path.of("target/quarkus-app"), DOSAGE_PORT, Map.of(
                "DOSAGE_HTTP_PORT", String.valueOf(DOSAGE_PORT),
                "PROFILE_GRPC_PORT", String.valueOf(PROFILE_PORT),
                "PROFILE_DEADLINE", "60s"), Duration.ofSeconds(60));
    }

    private static DoseRequest request() {
        return DoseRequest.newBuilder().setSubject(DoseSubject.newBuilder().setPatientId(PATIENT))
                .setDrugId("clopidogrel").setIndicationId("acs-pci").build();
    }

    /**
     * Sends new requests (inline profile: they need no profile call) until one is refused, which
     * shows that shutdown has begun; every answer before that must be a normal one.
     */
    private static StatusRuntimeException awaitRefusal(DosageServiceBlockingStub stub) throws InterruptedException {
        DoseRequest inline = DoseRequest.newBuilder()
                .setSubject(DoseSubject.newBuilder().setProfile(PatientProfile.getDefaultInstance()))
                .setDrugId("clopidogrel").setIndicationId("acs-pci").build();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < until) {
            try {
                stub.withDeadlineAfter(5, TimeUnit.SECONDS).recommendDose(inline);
            } catch (StatusRuntimeException e) {
                return e;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("new requests were still accepted 20 s after SIGTERM");
    }

    private static int indexOf(List<String> log, String text) {
        for (int i = 0; i < log.size(); i++) {
            if (log.get(i).toLowerCase(Locale.ROOT).contains(text)) {
                return i;
            }
        }
        return -1;
    }
}
