package org.precisionrx.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a real gRPC server that records each call and the deadline it arrived with. */
class DeadlinesTest {

    private static final int PORT = 18661;
    private static final Duration CONFIGURED = Duration.ofSeconds(30);
    private static final MethodDescriptor<byte[], byte[]> PING = Ping.METHOD;

    /** Milliseconds left of each received call's deadline (-1: none). */
    private static final List<Long> received = new CopyOnWriteArrayList<>();
    private static Server server;
    private static ManagedChannel channel;
    private static ScheduledExecutorService clock;

    @BeforeAll
    static void start() throws IOException {
        server = NettyServerBuilder.forAddress(new java.net.InetSocketAddress("127.0.0.1", PORT))
                .addService(ServerServiceDefinition.builder("test.Downstream")
                        .addMethod(PING, ServerCalls.asyncUnaryCall((request, response) -> {
                            var deadline = Context.current().getDeadline();
                            received.add(deadline == null ? -1 : deadline.timeRemaining(TimeUnit.MILLISECONDS));
                            response.onNext(request);
                            response.onCompleted();
                        }))
                        .build())
                .build().start();
        channel = NettyChannelBuilder.forAddress("127.0.0.1", PORT).usePlaintext().build();
        clock = Executors.newSingleThreadScheduledExecutor();
        new Stub(channel).ping(CONFIGURED); // connects once, so no test pays for the connection
    }

    @AfterAll
    static void stop() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        clock.shutdownNow();
    }

    @BeforeEach
    void forget() {
        received.clear();
    }

    @Test
    void withoutAnIncomingDeadlineTheConfiguredOneIsSent() {
        new Stub(channel).ping(Duration.ofSeconds(4));
        assertThat(received).singleElement().satisfies(left -> assertThat(left).isBetween(1L, 4000L));
    }

    @Test
    void theIncomingDeadlineShortensTheDownstreamOne() throws Exception {
        inContextWithDeadline(Duration.ofSeconds(4), () -> new Stub(channel).ping(CONFIGURED));
        assertThat(received).singleElement().satisfies(left -> assertThat(left).isBetween(1L, 4000L));
    }

    @Test
    void aCallWhoseCallerHasNearlyGivenUpIsNotStarted() throws Exception {
        StatusRuntimeException nearly = catchThrowableOfType(StatusRuntimeException.class,
                () -> inContextWithDeadline(Deadlines.MINIMUM.dividedBy(2), () -> new Stub(channel).ping(CONFIGURED)));
        StatusRuntimeException passed = catchThrowableOfType(StatusRuntimeException.class,
                () -> inContextWithDeadline(Duration.ofMillis(-1), () -> new Stub(channel).ping(CONFIGURED)));

        assertThat(List.of(nearly, passed)).allSatisfy(e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
            assertThat(e.getStatus().getDescription()).contains("not calling test.Downstream");
        });
        assertThat(received).as("the downstream was never called").isEmpty();
    }

    @Test
    void aLateCallerIsRefusedAsSuchNotAsAFailureOfTheDownstream() {
        StatusRuntimeException late = catchThrowableOfType(StatusRuntimeException.class, () -> inContextWithDeadline(
                Duration.ofMillis(-1), () -> Deadlines.call(new Stub(channel), CONFIGURED, "test.Downstream", Stub::send)));

        assertThat(late).isNotInstanceOf(DownstreamFailure.class); // no circuit breaker counts it
        assertThat(late.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
        assertThat(received).as("the downstream was never called").isEmpty();

        Deadlines.call(new Stub(channel), Duration.ofSeconds(4), "test.Downstream", Stub::send);
        assertThat(received).singleElement().satisfies(left -> assertThat(left).isBetween(1L, 4000L));
    }

    private static void inContextWithDeadline(Duration left, Runnable work) throws Exception {
        Context.CancellableContext context = Context.current().withDeadlineAfter(left.toMillis(), TimeUnit.MILLISECONDS, clock);
        try {
            context.call(() -> {
                work.run();
                return null;
            });
        } finally {
            context.cancel(null);
        }
    }

    /** A stub of the test service, as generated stubs are: the deadline is set through {@link Deadlines}. */
    private static final class Stub extends AbstractStub<Stub> {

        Stub(Channel channel) {
            super(channel);
        }

        private Stub(Channel channel, CallOptions options) {
            super(channel, options);
        }

        @Override
        protected Stub build(Channel channel, CallOptions options) {
            return new Stub(channel, options);
        }

        void ping(Duration configured) {
            Deadlines.bounded(this, configured, "test.Downstream").send();
        }

        byte[] send() {
            return ClientCalls.blockingUnaryCall(getChannel(), PING, getCallOptions(), new byte[] {1});
        }
    }
}
