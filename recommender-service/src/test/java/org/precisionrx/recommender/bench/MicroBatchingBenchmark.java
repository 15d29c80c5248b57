package org.precisionrx.recommender.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.precisionrx.ml.causal.PlainJavaMultiArm;
import org.precisionrx.recommender.model.ArmModel;
import org.precisionrx.recommender.model.BatchingArmModel;
import org.precisionrx.recommender.model.IndicationModels;
import org.precisionrx.recommender.model.ModelLoader;
import org.precisionrx.recommender.model.ModelSet;

/**
 * The AF benefit model under load: 8 threads each scoring one patient per call, as concurrent
 * Recommend requests do. Throughput is summed over the threads, so 1 / score is the model cost per
 * patient. Compares the micro-batcher (service defaults: 64 rows, 2 ms) with a TensorFlow call per
 * request and with the plain-Java forward pass on the same threads; the README records the ratio
 * micro-batched / plain Java.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Threads(8)
@Fork(1)
public class MicroBatchingBenchmark {

    /** The batcher's one call shape; the service's default is {@code RecommenderConfig.Batching.maxRows}. */
    @Param({"16", "64"})
    public int maxRows;

    private ModelSet unbatched;
    private ModelSet batched;
    private ArmModel direct;
    private ArmModel batching;
    private PlainJavaMultiArm plainJava;
    private float[][] row;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Path root = ModelLoader.extractShipped();
        unbatched = ModelLoader.load(root);
        batched = ModelLoader.load(root, model -> BatchingArmModel.start(model, maxRows, Duration.ofMillis(2), 1024));
        IndicationModels af = unbatched.forIndication("af-stroke-prevention").orElseThrow();
        direct = af.benefit();
        batching = batched.forIndication("af-stroke-prevention").orElseThrow().benefit();
        try (var model = org.precisionrx.ml.causal.MultiArmModel.load(root.resolve("af-stroke-prevention").resolve("benefit"))) {
            plainJava = model.plainJava();
        }
        // A typical patient: the training mean (every encoded numeric 0) with no flags set.
        row = new float[][] {new float[af.encoder().width()]};
    }

    /**
     * CPU time per patient, from the process's CPU time over each measured iteration: throughput alone
     * would compare the batcher, whose TensorFlow calls run one at a time on its dispatcher (one core),
     * with plain Java on all cores. Printed per iteration as {@code process CPU per patient}.
     */
    @State(Scope.Benchmark)
    public static class CpuPerPatient {
        private final LongAdder patients = new LongAdder();
        private final OperatingSystemMXBean os =
                (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        private long cpuAtStart;

        @Setup(Level.Iteration)
        public void start() {
            patients.reset();
            cpuAtStart = os.getProcessCpuTime();
        }

        @TearDown(Level.Iteration)
        public void report() {
            long cpu = os.getProcessCpuTime() - cpuAtStart;
            System.out.printf(Locale.ROOT, "  process CPU per patient: %.1f us (%d patients)%n",
                    cpu / 1000.0 / Math.max(1, patients.sum()), patients.sum());
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        batching.close();
        direct.close();
    }

    @Benchmark
    public double[][][] microBatched(CpuPerPatient cpu) {
        cpu.patients.increment();
        return batching.predict(row);
    }

    @Benchmark
    public double[][][] tensorflowCallPerRequest(CpuPerPatient cpu) {
        cpu.patients.increment();
        return direct.predict(row);
    }

    @Benchmark
    public double[][] plainJava(CpuPerPatient cpu) {
        cpu.patients.increment();
        return plainJava.predict(row[0]);
    }
}
