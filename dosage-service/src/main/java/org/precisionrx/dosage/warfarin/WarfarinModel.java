package org.precisionrx.dosage.warfarin;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;
import org.jboss.logging.Logger;
import org.precisionrx.dosage.engine.DoseModel;
import org.precisionrx.dosage.engine.ModelEstimate;
import org.precisionrx.dosage.facts.PatientFacts;
import org.precisionrx.dosage.warfarin.WarfarinInputs.Cyp2c9;
import org.precisionrx.dosage.warfarin.WarfarinInputs.Vkorc1;
import org.precisionrx.ml.card.ModelCard;

/**
 * The "warfarin-iwpc" dose model: the trained quantile network (drives the range with its P10-P90)
 * and the IWPC pharmacogenetic formula beside it for comparison. The committed artifact is loaded
 * once at start-up ({@link Startup}), so a missing or broken artifact stops the service from starting.
 * Thread-safe: the TF session and the encoder are shared read-only.
 */
@ApplicationScoped
@Startup
public class WarfarinModel implements DoseModel {

    public static final String ID = "warfarin-iwpc";
    public static final String METHOD = "warfarin dose model";
    public static final String FORMULA_METHOD = "IWPC pharmacogenetic formula";
    static final String FORMULA_VERSION = "IWPC 2009 (N Engl J Med 360:753)";

    private WarfarinArtifact artifact;

    /** For CDI: the artifact is loaded in {@link #start()}. */
    public WarfarinModel() {
    }

    /** For tests and tools: serves an artifact that is already loaded. */
    public WarfarinModel(WarfarinArtifact artifact) {
        this.artifact = artifact;
    }

    @PostConstruct
    void start() {
        if (artifact == null) {
            artifact = WarfarinArtifact.fromClasspath();
        }
        if (artifact.card() == null) {
            throw new IllegalStateException("warfarin dose model: " + WarfarinArtifact.RESOURCE_DIR + "/"
                    + ModelCard.FILE_NAME + " is missing");
        }
    }

    /** Runs after the HTTP/gRPC server has drained in-flight requests (quarkus.shutdown.timeout). */
    @PreDestroy
    void stop() {
        artifact.close();
        Logger.getLogger(WarfarinModel.class).info("warfarin dose model closed");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Result estimate(PatientFacts facts) {
        List<String> missing = WarfarinFeatures.missing(facts);
        if (!missing.isEmpty()) {
            return new Result(List.of(), missing, List.of());
        }
        WarfarinFeatures features = WarfarinFeatures.fromFacts(facts);
        double[] weekly = artifact.predictWeekly(List.of(features))[0];
        ModelCard card = artifact.card();
        ModelEstimate model = new ModelEstimate(METHOD, card.version(), card.artifactSha256(), weekly[1] / 7, true,
                weekly[0] / 7, weekly[1] / 7, weekly[2] / 7);
        ModelEstimate formula = new ModelEstimate(FORMULA_METHOD, FORMULA_VERSION, null,
                IwpcFormula.pharmacogeneticWeeklyMg(features.iwpc()) / 7, false, null, null, null);
        List<String> notes = new ArrayList<>();
        notes.add("the warfarin dose model " + card.version() + " (P10-P90, an 80% interval) drives the range; the "
                + "IWPC pharmacogenetic formula is shown for comparison");
        if (features.iwpc().cyp2c9() == Cyp2c9.UNKNOWN || features.iwpc().vkorc1() == Vkorc1.UNKNOWN) {
            notes.add("CYP2C9 or VKORC1 -1639 genotype unknown: both estimates use the 'unknown' category, "
                    + "as the IWPC formula does");
        }
        return new Result(List.of(model, formula), List.of(), List.copyOf(notes));
    }
}
