package org.precisionrx.dosage.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import org.precisionrx.profile.v1.GetProfileRequest;
import org.precisionrx.profile.v1.PatientProfile;
import org.precisionrx.profile.v1.PatientProfileServiceGrpc;

/**
 * A real gRPC patient-profile-service that answers GetProfile as a test scripts it: fail the next
 * calls with a status, hold calls until released, and count every call that reached it.
 */
public final class ScriptedProfileServer extends PatientProfileServiceGrpc.PatientProfileServiceImplBase implements AutoCloseable {

    private final Server server;
    /** Calls that reached the server. */
    public final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicReference<Status> failure = new AtomicReference<>(Status.UNAVAILABLE);
    private volatile CountDownLatch hold = new CountDownLatch(0);

    public ScriptedProfileServer(int port) throws IOException {
        server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port)).addService(this).build().start();
    }

    /** The next {@code times} calls fail with {@code status}; later ones answer. */
    public void failNext(int times, Status status) {
        failure.set(status);
        failuresLeft.set(times);
    }

    /** Calls wait until the returned latch is counted down. */
    public CountDownLatch holdCalls() {
        hold = new CountDownLatch(1);
        return hold;
    }

    public void reset() {
        calls.set(0);
        failuresLeft.set(0);
        hold.countDown();
        hold = new CountDownLatch(0);
    }

    @Override
    public void getProfile(GetProfileRequest request, StreamObserver<PatientProfile> response) {
        calls.incrementAndGet();
        try {
            hold.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failuresLeft.getAndDecrement() > 0) {
            response.onError(failure.get().withDescription("scripted failure").asRuntimeException());
            return;
        }
        response.onNext(PatientProfile.newBuilder().setPatientId(request.getPatient().getPatientId()).build());
        response.onCompleted();
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
}
