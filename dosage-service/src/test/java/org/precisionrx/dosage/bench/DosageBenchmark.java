package org.precisionrx.dosage.bench;

import java.util.List;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.precisionrx.dosage.engine.DoseEngine;
import org.precisionrx.dosage.engine.Facts;
import org.precisionrx.dosage.facts.PatientFacts;
import org.precisionrx.dosage.kb.KnowledgeBaseLoader;
import org.precisionrx.dosage.warfarin.WarfarinArtifact;
import org.precisionrx.dosage.warfarin.WarfarinModel;

/**
 * The dosing hot paths: RecommendDoses' work for 10 drugs, the same with the CPIC rule engine
 * alone (no dose model, so warfarin gets its guideline range), and one warfarin model call
 * (TensorFlow SavedModel, batch of one). Run with the command in the service README.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class DosageBenchmark {

    private static final List<String> TEN_DRUGS = List.of("warfarin", "apixaban", "clopidogrel", "atorvastatin",
            "sertraline", "tramadol", "azathioprine", "capecitabine", "allopurinol", "tacrolimus");

    private DoseEngine engine;
    private DoseEngine rulesOnly;
    private WarfarinArtifact artifact;
    private WarfarinModel warfarin;
    private PatientFacts patient;

    @Setup(Level.Trial)
    public void setUp() {
        artifact = WarfarinArtifact.fromClasspath();
        warfarin = new WarfarinModel(artifact);
        engine = new DoseEngine(KnowledgeBaseLoader.loadDefault(), List.of(warfarin));
        rulesOnly = new DoseEngine(KnowledgeBaseLoader.loadDefault(), List.of());
        patient = Facts.adult().age(67).phenotype("CYP2C19", "Intermediate Metabolizer").phenotype("VKORC1", "-1639 AG")
                .diplotype("CYP2C9", "*1/*3").hla("HLA-B*57:01", false).hla("HLA-B*58:01", false).build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        artifact.close();
    }

    @Benchmark
    public void recommendTenDrugs(Blackhole sink) {
        for (String drug : TEN_DRUGS) {
            sink.consume(engine.recommend(patient, drug, ""));
        }
    }

    /** Dose entries and rule conditions only: what the knowledge base costs without TensorFlow. */
    @Benchmark
    public void ruleEvaluationTenDrugs(Blackhole sink) {
        for (String drug : TEN_DRUGS) {
            sink.consume(rulesOnly.recommend(patient, drug, ""));
        }
    }

    @Benchmark
    public Object warfarinModelCall() {
        return warfarin.estimate(patient);
    }
}
