package org.precisionrx.recommender.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.precisionrx.ml.feature.FeatureEncoder;

/**
 * Reads a ranking model set: {@code models.json} ({@code version}, {@code indications}) and, per
 * indication, a {@code benefit} and an {@code adverse-events} multi-arm model folder. Models shipped
 * in the jar are copied to a temporary folder first, because TensorFlow loads from a directory.
 */
public final class ModelLoader {

    public static final String CLASSPATH_ROOT = "models/ranking";
    static final String MANIFEST = "models.json";
    static final List<String> MODEL_FILES = List.of("saved_model.pb", "variables/variables.index",
            "variables/variables.data-00000-of-00001", "feature-spec.json", "model.json", "model-card.json");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ModelLoader() {
    }

    public static ModelSet load(Path root) throws IOException {
        return load(root, UnaryOperator.identity());
    }

    /** Loads the set with each model wrapped for serving by {@code serving} (e.g. micro-batching). */
    public static ModelSet load(Path root, UnaryOperator<ArmModel> serving) throws IOException {
        JsonNode manifest = MAPPER.readTree(root.resolve(MANIFEST).toFile());
        Map<String, IndicationModels> byIndication = new HashMap<>();
        try {
            for (JsonNode node : manifest.path("indications")) {
                String indication = node.asText();
                ArmModel benefit = serving.apply(TensorFlowArmModel.load(root.resolve(indication).resolve("benefit")));
                ArmModel harm;
                try {
                    harm = serving.apply(TensorFlowArmModel.load(root.resolve(indication).resolve("adverse-events")));
                } catch (IOException | RuntimeException e) {
                    benefit.close();
                    throw e;
                }
                byIndication.put(indication, new IndicationModels(indication, benefit, harm,
                        new FeatureEncoder(benefit.featureSpec())));
            }
        } catch (IOException | RuntimeException e) {
            byIndication.values().forEach(IndicationModels::close);
            throw e;
        }
        return new ModelSet(manifest.path("version").asText("unversioned"), byIndication);
    }

    /** The set shipped in the jar, copied out to a temporary folder. */
    public static ModelSet loadShipped() throws IOException {
        return load(extractShipped());
    }

    /** The set shipped in the jar, each model wrapped for serving by {@code serving}. */
    public static ModelSet loadShipped(UnaryOperator<ArmModel> serving) throws IOException {
        return load(extractShipped(), serving);
    }

    /** Copies the shipped set to a new temporary folder and returns it. */
    public static Path extractShipped() throws IOException {
        Path root = Files.createTempDirectory("ranking-models");
        JsonNode manifest = MAPPER.readTree(resource(CLASSPATH_ROOT + "/" + MANIFEST));
        copy(CLASSPATH_ROOT + "/" + MANIFEST, root.resolve(MANIFEST));
        for (JsonNode node : manifest.path("indications")) {
            for (String kind : List.of("benefit", "adverse-events")) {
                for (String file : MODEL_FILES) {
                    String name = node.asText() + "/" + kind + "/" + file;
                    copy(CLASSPATH_ROOT + "/" + name, root.resolve(name));
                }
            }
        }
        return root;
    }

    /** The manifest's bytes, for noticing that a new set has been published to a folder. */
    public static String fingerprint(Path root) {
        try {
            return new String(Files.readAllBytes(root.resolve(MANIFEST)), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = ModelLoader.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("ranking model file " + name + " is missing from the service");
        }
        return in;
    }

    private static void copy(String resource, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try (InputStream in = resource(resource)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
