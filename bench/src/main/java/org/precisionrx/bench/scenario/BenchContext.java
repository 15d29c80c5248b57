package org.precisionrx.bench.scenario;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import io.grpc.ManagedChannel;
import org.precisionrx.bench.BenchOptions;
import org.precisionrx.bench.grpc.Channels;
import org.precisionrx.bench.grpc.LoadedPatient;
import org.precisionrx.bench.grpc.PopulationLoader;
import org.precisionrx.bench.load.OpenLoopGenerator;
import org.precisionrx.bench.load.RunResult;
import org.precisionrx.bench.load.Schedule;
import org.precisionrx.bench.load.Target;
import org.precisionrx.bench.proc.ProcessProbe;
import org.precisionrx.bench.proc.ProcessProbe.Usage;
import org.precisionrx.bench.report.ScenarioReport;
import org.precisionrx.devtools.DevEhr;
import org.precisionrx.devtools.LocalSuite;

/** What every scenario shares: options, the suite's addresses and channels, the loaded patients, the probe. */
public final class BenchContext implements AutoCloseable {

    static final String HOST = "127.0.0.1";
    static final int PROFILE_PORT = 8101;
    static final int RECOMMENDER_PORT = 8103;

    private final BenchOptions options;
    private final PrintStream out;
    private final ProcessProbe probe;
    private final OpenLoopGenerator generator = new OpenLoopGenerator(20_000, Duration.ofSeconds(15));
    private final ManagedChannel profile = Channels.plaintext(HOST, PROFILE_PORT);
    private final ManagedChannel recommender = Channels.plaintext(HOST, RECOMMENDER_PORT);
    private List<LoadedPatient> patients;

    public BenchContext(BenchOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.probe = new ProcessProbe(Path.of("/proc"), options.stateDir().resolve("run"));
    }

    public BenchOptions options() {
        return options;
    }

    public PrintStream out() {
        return out;
    }

    public ProcessProbe probe() {
        return probe;
    }

    public ManagedChannel recommenderChannel() {
        return recommender;
    }

    public DevEhr ehr() {
        return LocalSuite.ehr(options.stateDir());
    }

    /** The synthetic patients, loaded on first use (skipped when they are there already). */
    public List<LoadedPatient> patients() {
        if (patients == null) {
            patients = new PopulationLoader(profile, options.stateDir(), ehr().fhirServer(), out).ensure(options.patients());
        }
        return patients;
    }

    /**
     * Runs the generator: an unmeasured warm-up at the same rate, then the measured run. The target
     * is made afresh for each, for that run's length (pre-signed tokens are good for one call, and the
     * warm-up may be longer than the run), before the CPU count starts.
     */
    public Measured<RunResult> load(double rate, Duration duration, Function<Duration, Target> target) {
        out.printf(Locale.ROOT, "  warm-up %d s, then %.0f req/s for %d s%n", options.warmup().toSeconds(), rate, duration.toSeconds());
        RunResult warmup = generator.run(new Schedule(rate, options.warmup()), target.apply(options.warmup()));
        if (warmup.errorCount() > 0) {
            out.printf(Locale.ROOT, "  warm-up: %d of %d failed %s%n", warmup.errorCount(), warmup.sent(), warmup.errors());
        }
        Target measuredTarget = target.apply(duration);
        return measured(() -> generator.run(new Schedule(rate, duration), measuredTarget));
    }

    /** Runs without warm-up (the steps of a saturation search warm each other). */
    public RunResult loadOnce(double rate, Duration duration, Target target) {
        return generator.run(new Schedule(rate, duration), target);
    }

    /** Runs {@code work} and returns CPU used meanwhile and RSS afterwards, per process. */
    public <T> Measured<T> measured(Supplier<T> work) {
        ProcessProbe.Snapshot before = probe.snapshot();
        T value = work.get();
        return new Measured<>(value, probe.snapshot().since(before));
    }

    /** A value and the processes' usage while it was computed. */
    public record Measured<T>(T value, Map<String, Usage> processes) {
    }

    /** RSS of every process now, against the targets; CPU since {@code benchStart}. */
    public ScenarioReport memoryAfterLoad(ProcessProbe.Snapshot benchStart) {
        return MemoryAfterLoad.report(benchStart, probe);
    }

    /** Keeps the order the scenarios add notes in. */
    static List<String> notes(String... notes) {
        return new ArrayList<>(List.of(notes));
    }

    @Override
    public void close() {
        Channels.close(profile);
        Channels.close(recommender);
    }
}
