package org.precisionrx.recommender.bench;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.precisionrx.ml.causal.MultiArmModel;
import org.precisionrx.ml.causal.PlainJavaMultiArm;
import org.precisionrx.profile.v1.Ancestry;
import org.precisionrx.profile.v1.Demographics;
import org.precisionrx.profile.v1.DerivedValues;
import org.precisionrx.profile.v1.GeneResult;
import org.precisionrx.profile.v1.Genetics;
import org.precisionrx.profile.v1.PatientProfile;
import org.precisionrx.profile.v1.SexAtBirth;
import org.precisionrx.recommender.client.DosageClient;
import org.precisionrx.recommender.client.Doses;
import org.precisionrx.recommender.config.RecommenderConfig;
import org.precisionrx.recommender.features.ProfileFeatures;
import org.precisionrx.recommender.model.IndicationModels;
import org.precisionrx.recommender.model.ModelLoader;
import org.precisionrx.recommender.model.ModelSet;
import org.precisionrx.recommender.ranking.Ranker;

/**
 * The ranking hot paths on the shipped AF model (5 arms x 5 members), one thread: feature encoding,
 * one TensorFlow call of 1 and of 64 rows against the plain-Java forward pass of the same ensemble,
 * and Recommend's in-process work (features, two model calls, ranking, explanations) without the
 * network calls to the other services. {@link MicroBatchingBenchmark} measures the same model under
 * concurrent load.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RecommenderBenchmark {

    private ModelSet models;
    private IndicationModels af;
    private MultiArmModel tensorflow;
    private PlainJavaMultiArm plainJava;
    private float[][] encoded;
    private float[][] batch64;
    private float[] baseline;
    private PatientProfile profile;
    private Ranker ranker;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        java.nio.file.Path root = ModelLoader.extractShipped();
        models = ModelLoader.load(root);
        af = models.forIndication("af-stroke-prevention").orElseThrow();
        tensorflow = MultiArmModel.load(root.resolve("af-stroke-prevention").resolve("benefit"));
        plainJava = tensorflow.plainJava();
        profile = PatientProfile.newBuilder()
                .setDemographics(Demographics.newBuilder().setSexAtBirth(SexAtBirth.SEX_AT_BIRTH_FEMALE).setAncestry(Ancestry.ANCESTRY_WHITE))
                .setDerived(DerivedValues.newBuilder().setAgeYears(78).setBmi(26).setCreatinineClearanceMlMin(44).setEgfrMlMin173M2(52))
                .setGenetics(Genetics.newBuilder().addResults(GeneResult.newBuilder().setGene("CYP2C9").setPhenotype("Intermediate Metabolizer")))
                .build();
        encoded = new float[][] {af.encoder().encode(ProfileFeatures.of(profile).columns())};
        batch64 = new float[64][];
        java.util.Arrays.fill(batch64, encoded[0]);
        baseline = new float[encoded[0].length];
        ranker = new Ranker(new NoDosage(), new BenchConfig());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        tensorflow.close();
    }

    @Benchmark
    public float[] featureEncoding() {
        return af.encoder().encode(ProfileFeatures.of(profile).columns());
    }

    @Benchmark
    public double[][][] tensorflowBatchOf1() {
        return tensorflow.predict(encoded);
    }

    /** One call of 64 rows; the score is per row. */
    @Benchmark
    @OperationsPerInvocation(64)
    public double[][][] tensorflowBatchOf64PerRow() {
        return tensorflow.predict(batch64);
    }

    /** One option's integrated-gradients explanation (32 steps): one TensorFlow gradient call of 33 rows. */
    @Benchmark
    public float[] explanationOfOneOption() {
        return tensorflow.integratedGradients(encoded[0], baseline, 0, 32);
    }

    @Benchmark
    public double[][] plainJavaPerRow() {
        return plainJava.predict(encoded[0]);
    }

    @Benchmark
    public Object recommendInProcess() {
        return ranker.rank(profile, af, af.arms(), 0, true, 0);
    }

    /** Dosage calls are network work, measured by the suite's load harness, not here. */
    static final class NoDosage extends DosageClient {
        NoDosage() {
            super(null, null);
        }

        @Override
        public Doses doses(PatientProfile p, String i, java.util.List<String> d) {
            return Doses.none("not measured");
        }
    }

    static final class BenchConfig implements RecommenderConfig {
        public Duration profileDeadline() { return Duration.ofSeconds(2); }
        public Duration profilePageDeadline() { return Duration.ofSeconds(30); }
        public Duration dosageDeadline() { return Duration.ofSeconds(2); }
        public Optional<String> modelDir() { return Optional.empty(); }
        public Duration modelPollInterval() { return Duration.ofSeconds(30); }
        public int explanationSteps() { return 32; }
        public int explanationFactors() { return 4; }
        public int populationBatch() { return 64; }
        public Batching batching() { return null; }
    }
}
