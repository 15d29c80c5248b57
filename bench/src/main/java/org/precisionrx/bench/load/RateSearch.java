package org.precisionrx.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleFunction;

/**
 * Finds the highest sustainable rate by stepping the offered rate up geometrically until a step
 * breaks the limits: any error, p99 above {@code p99LimitMillis}, or throughput below 95 % of the
 * offered rate (the target fell behind). With no latency limit ({@link #NO_LATENCY_LIMIT}) it finds
 * the saturation throughput: the highest rate answered in full, however slowly.
 */
public final class RateSearch {

    static final double KEEP_UP_SHARE = 0.95;

    public static final double NO_LATENCY_LIMIT = Double.POSITIVE_INFINITY;

    /** One step: the rate offered, what it measured, and whether it stayed within the limits. */
    public record Step(RunResult result, boolean sustained) {
    }

    /** All steps run, in order, and the last one that was sustained. */
    public record Result(List<Step> steps, Optional<Step> best) {
    }

    private final double startRate;
    private final double factor;
    private final double maxRate;
    private final double p99LimitMillis;

    public RateSearch(double startRate, double factor, double maxRate, double p99LimitMillis) {
        if (startRate <= 0 || factor <= 1 || maxRate < startRate) {
            throw new IllegalArgumentException("need 0 < start <= max and a factor above 1");
        }
        this.startRate = startRate;
        this.factor = factor;
        this.maxRate = maxRate;
        this.p99LimitMillis = p99LimitMillis;
    }

    public Result search(DoubleFunction<RunResult> runAt) {
        List<Step> steps = new ArrayList<>();
        Step best = null;
        for (double rate = startRate; rate <= maxRate; rate = Math.round(rate * factor)) {
            RunResult result = runAt.apply(rate);
            Step step = new Step(result, sustained(result));
            steps.add(step);
            if (!step.sustained()) {
                break;
            }
            best = step;
        }
        return new Result(List.copyOf(steps), Optional.ofNullable(best));
    }

    boolean sustained(RunResult result) {
        return result.errorCount() == 0 && result.latencyMillis(99) <= p99LimitMillis
                && result.throughput() >= KEEP_UP_SHARE * result.offeredRate();
    }
}
