package org.precisionrx.gateway.downstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.NettyServerBuilder;
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

/**
 * A real gRPC server standing in for patient-profile-service ({@code GetProfile}: a profile with
 * nothing but the id asked for), recommender-service ({@code Recommend}: no options) and
 * dosage-service ({@code CheckDose}: within range). Every call is counted on arrival and then held
 * until {@link #release()}, so a test can fill a client's bulkhead and know when it is full.
 * {@link #channel()} reaches it.
 */
final class HeldDownstream implements AutoCloseable {

    /** Nothing waits longer than this, even when a test fails before it releases. */
    private static final long LIMIT_SECONDS = 120;

    private final Server server;
    private final ManagedChannel channel;
    private final CountDownLatch release = new CountDownLatch(1);
    private final Semaphore arrived = new Semaphore(0);
    private final AtomicInteger calls = new AtomicInteger();

    HeldDownstream() throws IOException {
        server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(new Profiles()).addService(new Recommender()).addService(new Dosage()).build().start();
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
    }

    /**
     * A channel to the held services. The gateway's own deadlines (2 s for profile, 3 s for dosage,
     * 5 s for the recommender) would end a held call on a busy machine before the test has filled the bulkhead
     * and sent the excess; here a call waits for the release instead (deadlines are their own
     * promise, README "Reliability").
     */
    Channel channel() {
        return ClientInterceptors.intercept(channel, new ClientInterceptor() {
            @Override
            public <Q, A> ClientCall<Q, A> interceptCall(MethodDescriptor<Q, A> method, CallOptions options, Channel next) {
                return next.newCall(method, options.withDeadlineAfter(LIMIT_SECONDS, TimeUnit.SECONDS));
            }
        });
    }

    /** Waits until {@code count} calls are held here (fails the test if they do not come). */
    void awaitHeld(int count) throws InterruptedException {
        assertThat(arrived.tryAcquire(count, LIMIT_SECONDS, TimeUnit.SECONDS)).as("%d calls held by the stand-in", count).isTrue();
        arrived.release(count);
    }

    /** Calls that reached the stand-in. */
    int calls() {
        return calls.get();
    }

    /** Held calls answer, and later ones answer at once. */
    void release() {
        release.countDown();
    }

    private <T> void hold(T answer, StreamObserver<T> response) {
        calls.incrementAndGet();
        arrived.release();
        try {
            if (!release.await(LIMIT_SECONDS, TimeUnit.SECONDS)) {
                response.onError(Status.DEADLINE_EXCEEDED.withDescription("never released").asRuntimeException());
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.onError(Status.CANCELLED.asRuntimeException());
            return;
        }
        response.onNext(answer);
        response.onCompleted();
    }

    @Override
    public void close() throws InterruptedException {
        release();
        // Graceful: calls still in flight answer before the server stops.
        server.shutdown().awaitTermination(30, TimeUnit.SECONDS);
        server.shutdownNow();
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    private final class Profiles extends PatientProfileServiceGrpc.PatientProfileServiceImplBase {
        @Override
        public void getProfile(GetProfileRequest request, StreamObserver<PatientProfile> response) {
            PatientKey key = request.getPatient();
            String id = key.hasIdentifier() ? key.getIdentifier().getValue() : key.getPatientId();
            hold(PatientProfile.newBuilder().setPatientId(id).build(), response);
        }
    }

    private final class Recommender extends RecommenderServiceGrpc.RecommenderServiceImplBase {
        @Override
        public void recommend(RecommendRequest request, StreamObserver<RecommendResponse> response) {
            hold(RecommendResponse.newBuilder().setPatientId(request.getPatientId())
                    .setIndicationId(request.getIndicationId()).setModelBased(true).build(), response);
        }
    }

    private final class Dosage extends DosageServiceGrpc.DosageServiceImplBase {
        @Override
        public void checkDose(CheckDoseRequest request, StreamObserver<CheckDoseResponse> response) {
            hold(CheckDoseResponse.newBuilder().setVerdict(Verdict.VERDICT_WITHIN_RANGE).build(), response);
        }
    }
}
