package org.precisionrx.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.grpc.Attributes;
import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.Status;
import org.junit.jupiter.api.Test;

/** The caller's grpc-timeout header becomes the call's Context deadline where the server has not set one. */
class CallerDeadlineInterceptorTest {

    private final CallerDeadlineInterceptor interceptor = new CallerDeadlineInterceptor();

    @Test
    void readsEveryUnitAndIgnoresWhatIsNotATimeout() {
        assertThat(CallerDeadlineInterceptor.timeoutNanos("1500m")).isEqualTo(TimeUnit.MILLISECONDS.toNanos(1500));
        assertThat(CallerDeadlineInterceptor.timeoutNanos("2H")).isEqualTo(TimeUnit.HOURS.toNanos(2));
        assertThat(CallerDeadlineInterceptor.timeoutNanos("3M")).isEqualTo(TimeUnit.MINUTES.toNanos(3));
        assertThat(CallerDeadlineInterceptor.timeoutNanos("4S")).isEqualTo(TimeUnit.SECONDS.toNanos(4));
        assertThat(CallerDeadlineInterceptor.timeoutNanos("99999999u")).isEqualTo(TimeUnit.MICROSECONDS.toNanos(99_999_999));
        assertThat(CallerDeadlineInterceptor.timeoutNanos("7n")).isEqualTo(7);
        for (String odd : new String[] {null, "", "m", "123456789m", "12x", "-5S", "1.5S"}) {
            assertThat(CallerDeadlineInterceptor.timeoutNanos(odd)).as(odd).isNull();
        }
    }

    @Test
    void theServiceMethodRunsWithTheCallersDeadlineUntilTheCallEnds() {
        Metadata headers = new Metadata();
        headers.put(CallerDeadlineInterceptor.TIMEOUT, "1500m");
        List<Context> seen = new ArrayList<>();
        ServerCall.Listener<byte[]> listener = interceptor.interceptCall(new IdleCall(), headers, recording(seen));

        listener.onHalfClose(); // where a unary service method runs
        assertThat(seen).hasSize(2).allSatisfy(context -> {
            assertThat(context.getDeadline()).isNotNull();
            assertThat(context.getDeadline().timeRemaining(TimeUnit.MILLISECONDS)).isBetween(1L, 1500L);
        });
        assertThat(seen.get(1).isCancelled()).isFalse();
        listener.onComplete();
        assertThat(seen.get(1).isCancelled()).as("the deadline's timer is released with the call").isTrue();
    }

    @Test
    void aDeadlineTheServerSetIsLeftAndNoHeaderMeansNoDeadline() throws Exception {
        Metadata headers = new Metadata();
        headers.put(CallerDeadlineInterceptor.TIMEOUT, "1500m");
        List<Context> seen = new ArrayList<>();
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        Context.CancellableContext server = Context.current().withDeadline(Deadline.after(10, TimeUnit.SECONDS), clock);
        try {
            server.call(() -> interceptor.interceptCall(new IdleCall(), headers, recording(seen)));
        } finally {
            server.cancel(null);
            clock.shutdownNow();
        }
        assertThat(seen).singleElement().satisfies(context ->
                assertThat(context.getDeadline().timeRemaining(TimeUnit.MILLISECONDS)).isGreaterThan(1500));

        seen.clear();
        interceptor.interceptCall(new IdleCall(), new Metadata(), recording(seen)).onHalfClose();
        assertThat(seen).hasSize(2).allSatisfy(context -> assertThat(context.getDeadline()).isNull());
    }

    /** Records the current Context when the call starts and when its request is complete. */
    private static ServerCallHandler<byte[], byte[]> recording(List<Context> seen) {
        return (call, headers) -> {
            seen.add(Context.current());
            return new ServerCall.Listener<>() {
                @Override
                public void onHalfClose() {
                    seen.add(Context.current());
                }
            };
        };
    }

    /** A call that goes nowhere: these tests look only at the Context the handler runs in. */
    private static final class IdleCall extends ServerCall<byte[], byte[]> {

        @Override
        public void request(int numMessages) {
        }

        @Override
        public void sendHeaders(Metadata headers) {
        }

        @Override
        public void sendMessage(byte[] message) {
        }

        @Override
        public void close(Status status, Metadata trailers) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public Attributes getAttributes() {
            return Attributes.EMPTY;
        }

        @Override
        public MethodDescriptor<byte[], byte[]> getMethodDescriptor() {
            return Ping.METHOD;
        }
    }
}
