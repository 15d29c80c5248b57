package org.precisionrx.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.grpc.Context;
import io.grpc.Deadline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeadlinesTest {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    @Test
    void withoutAnIncomingDeadlineTheBudgetApplies() {
        Duration left = Deadlines.remaining(Context.ROOT, Duration.ofSeconds(2));
        assertThat(left).isBetween(Duration.ofMillis(1900), Duration.ofSeconds(2));
    }

    @Test
    void aSoonerIncomingDeadlineIsPassedOn() {
        Context.CancellableContext incoming = Context.ROOT.withDeadline(Deadline.after(300, TimeUnit.MILLISECONDS), timer);
        try {
            assertThat(Deadlines.remaining(incoming, Duration.ofSeconds(2)))
                    .isBetween(Duration.ofMillis(200), Duration.ofMillis(300));
            // The same through the Context attached to the serving thread.
            Duration onThread = incoming.call(() -> Duration.ofNanos(
                    Deadlines.within(Duration.ofSeconds(2)).timeRemaining(TimeUnit.NANOSECONDS)));
            assertThat(onThread).isBetween(Duration.ofMillis(200), Duration.ofMillis(300));
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            incoming.cancel(null);
        }
    }

    @Test
    void aLaterIncomingDeadlineDoesNotExtendTheBudget() {
        Context.CancellableContext incoming = Context.ROOT.withDeadline(Deadline.after(1, TimeUnit.MINUTES), timer);
        try {
            assertThat(Deadlines.remaining(incoming, Duration.ofSeconds(2))).isLessThanOrEqualTo(Duration.ofSeconds(2));
        } finally {
            incoming.cancel(null);
        }
    }

    @Test
    void anExpiredIncomingDeadlineLeavesNothing() {
        Context.CancellableContext incoming = Context.ROOT.withDeadline(Deadline.after(-1, TimeUnit.SECONDS), timer);
        try {
            assertThat(Deadlines.remaining(incoming, Duration.ofSeconds(2))).isZero();
        } finally {
            incoming.cancel(null);
        }
    }
}
