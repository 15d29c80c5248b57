package org.precisionrx.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.grpc.BindableService;
import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;

/**
 * A real gRPC server standing in for a downstream service, scripted by a test: fail the next calls
 * with a status, hold calls until released, and record every call that reached it with the deadline
 * it arrived with. A test's service implementation (generated per service, so it lives with the
 * tests) answers each call through {@link #answer}.
 */
public final class StandIn implements AutoCloseable {

    private static final Duration HOLD_LIMIT = Duration.ofSeconds(30);

    /** Calls that reached the stand-in. */
    public final AtomicInteger calls = new AtomicInteger();
    /** Milliseconds left of each received call's deadline, in arrival order; -1 for a call without one. */
    public final List<Long> deadlines = new CopyOnWriteArrayList<>();
    /** System.nanoTime() of each received call, in arrival order. */
    public final List<Long> arrivals = new CopyOnWriteArrayList<>();
    /** Calls waiting on {@link #holdCalls()}'s latch now. */
    public final AtomicInteger held = new AtomicInteger();

    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicReference<Status> failure = new AtomicReference<>(Status.UNAVAILABLE);
    private volatile CountDownLatch hold = new CountDownLatch(0);
    private volatile Duration holdLimit = HOLD_LIMIT;
    private Server server;

    /** Serves {@code services} on 127.0.0.1:{@code port} (0: a free port, see {@link #port()}). */
    public StandIn start(int port, BindableService... services) throws IOException {
        NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port));
        for (BindableService service : services) {
            builder.addService(service);
        }
        server = builder.build().start();
        return this;
    }

    /** The port it listens on. */
    public int port() {
        return server.getPort();
    }

    /** The next {@code times} calls fail with {@code status}; later ones answer. */
    public void failNext(int times, Status status) {
        failure.set(status);
        failuresLeft.set(times);
    }

    /** Calls wait (at most 30 s) until the returned latch is counted down. */
    public CountDownLatch holdCalls() {
        return holdCalls(HOLD_LIMIT);
    }

    /** Calls wait (at most {@code atMost}) until the returned latch is counted down. */
    public CountDownLatch holdCalls(Duration atMost) {
        holdLimit = atMost;
        hold = new CountDownLatch(1);
        return hold;
    }

    /** Waits until {@code count} calls are held at once; false if they are not within {@code atMost}. */
    public synchronized boolean awaitHeld(int count, Duration atMost) throws InterruptedException {
        long giveUp = System.nanoTime() + atMost.toNanos();
        while (held.get() < count) {
            long left = giveUp - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /** Forgets the calls seen, the scripted failures, and releases held calls. */
    public void reset() {
        failuresLeft.set(0);
        hold.countDown();
        hold = new CountDownLatch(0);
        holdLimit = HOLD_LIMIT;
        calls.set(0);
        deadlines.clear();
        arrivals.clear();
    }

    /** Records the call, waits while calls are held, then fails it as scripted or answers {@code answer}. */
    public <T> void answer(StreamObserver<T> response, Supplier<T> answer) {
        arrivals.add(System.nanoTime());
        Deadline deadline = Context.current().getDeadline();
        deadlines.add(deadline == null ? -1 : deadline.timeRemaining(TimeUnit.MILLISECONDS));
        calls.incrementAndGet();
        held.incrementAndGet();
        synchronized (this) {
            notifyAll(); // for awaitHeld
        }
        try {
            hold.await(holdLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            held.decrementAndGet();
        }
        if (failuresLeft.getAndDecrement() > 0) {
            StatusRuntimeException scripted = failure.get().withDescription("scripted failure").asRuntimeException();
            response.onError(scripted);
            return;
        }
        response.onNext(answer.get());
        response.onCompleted();
    }

    @Override
    public void close() throws InterruptedException {
        reset();
        if (server != null) {
            server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
