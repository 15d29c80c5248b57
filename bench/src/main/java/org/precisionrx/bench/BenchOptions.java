package org.precisionrx.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The command line of the bench jar. {@code --quick} shortens every run (a smoke run of the whole
 * harness, not numbers to quote); the other options override one thing each.
 */
public record BenchOptions(boolean quick, Set<String> scenarios, int patients, Duration duration, Duration warmup,
        Path stateDir, Path script, Path resultsDir) {

    public static final List<String> SCENARIOS = List.of("patient-view", "order-sign", "dose-check", "recommend", "population",
            "startup");

    /** A command line the bench cannot run. */
    public static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    public static String usage() {
        return """
                usage: bench.jar --state DIR --script PATH [--quick] [--scenario NAME[,NAME...]] [--patients N]
                                 [--duration SECONDS] [--warmup SECONDS] [--results DIR]
                  scenarios: %s (default: all, in that order)
                  --quick      10 s runs, 2,000 patients, short saturation steps: checks the harness, not the targets
                  --patients   synthetic patients to load and score (default 100000)
                  --duration   seconds of each fixed-rate run (default 60)
                  --warmup     seconds of unmeasured load before each fixed-rate run (default 60)""".formatted(String.join(", ", SCENARIOS));
    }

    public static BenchOptions parse(String... args) {
        boolean quick = false;
        List<String> scenarios = new ArrayList<>();
        Integer patients = null;
        Duration duration = null;
        Duration warmup = null;
        Path state = null;
        Path script = null;
        Path results = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--quick" -> quick = true;
                case "--scenario" -> {
                    for (String name : value(args, ++i, arg).split(",")) {
                        if (!SCENARIOS.contains(name.trim())) {
                            throw new UsageException("no scenario '" + name.trim() + "'; one of " + String.join(", ", SCENARIOS));
                        }
                        scenarios.add(name.trim());
                    }
                }
                case "--patients" -> patients = positive(value(args, ++i, arg), arg);
                case "--duration" -> duration = Duration.ofSeconds(positive(value(args, ++i, arg), arg));
                case "--warmup" -> warmup = Duration.ofSeconds(positive(value(args, ++i, arg), arg));
                case "--state" -> state = Path.of(value(args, ++i, arg));
                case "--script" -> script = Path.of(value(args, ++i, arg));
                case "--results" -> results = Path.of(value(args, ++i, arg));
                default -> throw new UsageException("unknown option '" + arg + "'");
            }
        }
        if (state == null || script == null) {
            throw new UsageException("--state and --script are required (./precisionrx bench passes them)");
        }
        return new BenchOptions(quick, Set.copyOf(scenarios.isEmpty() ? SCENARIOS : scenarios),
                patients != null ? patients : quick ? 2_000 : 100_000,
                duration != null ? duration : Duration.ofSeconds(quick ? 10 : 60),
                // A minute: on 2 busy cores the JIT of freshly started services needs minutes, not seconds.
                warmup != null ? warmup : Duration.ofSeconds(quick ? 2 : 60),
                state, script, results != null ? results : state.resolve("bench-results"));
    }

    public boolean runs(String scenario) {
        return scenarios.contains(scenario);
    }

    /** How long each rate of the saturation search runs. */
    public Duration stepDuration() {
        return Duration.ofSeconds(quick ? 3 : 10);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }

    private static int positive(String text, String option) {
        try {
            int value = Integer.parseInt(text);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(option + " needs a positive whole number, got '" + text + "'");
    }
}
