package org.precisionrx.gateway.downstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import org.precisionrx.dosage.v1.CheckDoseRequest;
import org.precisionrx.dosage.v1.CheckDoseResponse;
import org.precisionrx.dosage.v1.DosageServiceGrpc;
import org.precisionrx.dosage.v1.Verdict;
import org.precisionrx.profile.v1.GetProfileRequest;
import org.precisionrx.profile.v1.PatientKey;
import org.precisionrx.profile.v1.PatientProfile;
import org.precisionrx.profile.v1.PatientProfileServiceGrpc;
import org.precisionrx.recommender.v1.RecommendRequest;
import org.precisionrx.recommender.v1.RecommendResponse;
import org.precisionrx.recommender.v1.RecommenderServiceGrpc;
import org.precisionrx.testsupport.StandIn;

/**
 * A {@link StandIn} (a real gRPC server, on a free port) for patient-profile-service
 * ({@code GetProfile}: a profile with nothing but the id asked for), recommender-service
 * ({@code Recommend}: no options) and dosage-service ({@code CheckDose}: within range). Every call
 * is held until {@link #release()}, so a test can fill a client's bulkhead and know when it is full.
 * {@link #channel()} reaches it.
 */
final class HeldDownstream implements AutoCloseable {

    /** Nothing waits longer than this, even when a test fails before it releases. */
    private static final Duration LIMIT = Duration.ofSeconds(120);

    private final StandIn script = new StandIn();
    private final CountDownLatch release = script.holdCalls(LIMIT);
    private final ManagedChannel channel;

    HeldDownstream() throws IOException {
        script.start(0, new Profiles(), new Recommender(), new Dosage());
        channel = NettyChannelBuilder.forAddress("127.0.0.1", script.port()).usePlaintext().build();
    }

    /**
     * A channel to the held services. The gateway's own deadlines (2 s for profile, 3 s for dosage,
     * 5 s for the recommender) would end a held call on a busy machine before the test has filled the
     * bulkhead and sent the excess; here a call waits for the release instead (deadlines are their
     * own promise, README "Reliability").
     */
    Channel channel() {
        return ClientInterceptors.intercept(channel, new ClientInterceptor() {
            @Override
            public <Q, A> ClientCall<Q, A> interceptCall(MethodDescriptor<Q, A> method, CallOptions options, Channel next) {
                return next.newCall(method, options.withDeadlineAfter(LIMIT.toSeconds(), TimeUnit.SECONDS));
            }
        });
    }

    /** Waits until {@code count} calls are held here (fails the test if they do not come). */
    void awaitHeld(int count) throws InterruptedException {
        assertThat(script.awaitHeld(count, LIMIT)).as("%d calls held by the stand-in", count).isTrue();
    }

    /** Calls that reached the stand-in. */
    int calls() {
        return script.calls.get();
    }

    /** Held calls answer, and later ones answer at once. */
    void release() {
        release.countDown();
    }

    @Override
    public void close() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        script.close();
    }

    private final class Profiles extends PatientProfileServiceGrpc.PatientProfileServiceImplBase {
        @Override
        public void getProfile(GetProfileRequest request, StreamObserver<PatientProfile> response) {
            PatientKey key = request.getPatient();
            String id = key.hasIdentifier() ? key.getIdentifier().getValue() : key.getPatientId();
            script.answer(response, () -> PatientProfile.newBuilder().setPatientId(id).build());
        }
    }

    private final class Recommender extends RecommenderServiceGrpc.RecommenderServiceImplBase {
        @Override
        public void recommend(RecommendRequest request, StreamObserver<RecommendResponse> response) {
            script.answer(response, () -> RecommendResponse.newBuilder()
                    .setPatientId(request.hasProfile() ? request.getProfile().getPatientId() : request.getPatientId())
                    .setIndicationId(request.getIndicationId()).setModelBased(true).build());
        }
    }

    private final class Dosage extends DosageServiceGrpc.DosageServiceImplBase {
        @Override
        public void checkDose(CheckDoseRequest request, StreamObserver<CheckDoseResponse> response) {
            script.answer(response, () -> CheckDoseResponse.newBuilder().setVerdict(Verdict.VERDICT_WITHIN_RANGE).build());
        }
    }
}
