package org.precisionrx.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.google.rpc.RetryInfo;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import org.junit.jupiter.api.Test;

/** Saturates a real gRPC server limited to two calls in flight. */
class InFlightLimitTest {

    private static final int PORT = 18665;
    private static final int LIMIT = 2;

    @Test
    void theCallBeyondTheLimitIsRefusedAtOnceWithARetryDelayAndTheLimitFreesUpAfterwards() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        InFlightLimit limit = new InFlightLimit(LIMIT, Duration.ofMillis(500)) {
        };
        Server server = startServer(limit, release);
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", PORT).usePlaintext().build();
        try {
            List<CompletableFuture<byte[]>> held = new ArrayList<>();
            for (int i = 0; i < LIMIT; i++) {
                held.add(CompletableFuture.supplyAsync(() -> ping(channel, (byte) 1)));
            }
            while (limit.inFlight() < LIMIT) {
                Thread.sleep(10);
            }

            StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class, () -> ping(channel, (byte) 2));
            assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
            assertThat(refused.getStatus().getDescription()).contains("limit of 2 calls in flight");
            RetryInfo retry = StatusProto.fromThrowable(refused).getDetails(0).unpack(RetryInfo.class);
            assertThat(retry.getRetryDelay().getNanos()).isEqualTo(500_000_000);

            release.countDown();
            for (CompletableFuture<byte[]> call : held) {
                assertThat(call.get(10, TimeUnit.SECONDS)).containsExactly(1);
            }
            assertThat(limit.inFlight()).isZero();
            assertThat(ping(channel, (byte) 2)).containsExactly(2);
        } finally {
            release.countDown();
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void afterDrainNewCallsAreRefusedAsUnavailableWhileHeldOnesFinish() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        InFlightLimit limit = new InFlightLimit(LIMIT, Duration.ofMillis(500)) {
        };
        Server server = startServer(limit, release);
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", PORT).usePlaintext().build();
        try {
            CompletableFuture<byte[]> held = CompletableFuture.supplyAsync(() -> ping(channel, (byte) 1));
            while (limit.inFlight() < 1) {
                Thread.sleep(10);
            }

            limit.drain();
            StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class, () -> ping(channel, (byte) 2));
            assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
            assertThat(refused.getStatus().getDescription()).contains("shutting down");

            release.countDown();
            assertThat(held.get(10, TimeUnit.SECONDS)).containsExactly(1);
        } finally {
            release.countDown();
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static byte[] ping(ManagedChannel channel, byte value) {
        return ClientCalls.blockingUnaryCall(channel, Ping.METHOD, CallOptions.DEFAULT.withDeadlineAfter(20, TimeUnit.SECONDS),
                new byte[] {value});
    }

    /** A ping server behind {@code limit}; a ping of 1 is held until {@code release}. */
    private static Server startServer(InFlightLimit limit, CountDownLatch release) throws java.io.IOException {
        return NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", PORT))
                .addService(ServerInterceptors.intercept(ServerServiceDefinition.builder(Ping.SERVICE)
                        .addMethod(Ping.METHOD, ServerCalls.asyncUnaryCall((request, response) -> {
                            if (request[0] == 1) {
                                await(release);
                            }
                            response.onNext(request);
                            response.onCompleted();
                        })).build(), limit))
                .executor(java.util.concurrent.Executors.newCachedThreadPool())
                .build().start();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
