package org.precisionrx.ml.serve;

import java.io.IOException;
import java.nio.file.Path;
import org.precisionrx.ml.feature.FeatureSpec;
import org.precisionrx.ml.io.Json;

/**
 * Loads an exported model and serves {@code serving_default} with one batched session call per
 * {@link #predict} call. Thread-safe (see {@link SavedModelSession}).
 */
public final class SavedModelPredictor implements AutoCloseable {
    private final SavedModelSession session;
    private final ExportedModel model;
    private final FeatureSpec featureSpec;

    private SavedModelPredictor(SavedModelSession session, ExportedModel model, FeatureSpec featureSpec) {
        this.session = session;
        this.model = model;
        this.featureSpec = featureSpec;
    }

    public static SavedModelPredictor load(Path dir) throws IOException {
        ExportedModel model = Json.readFile(dir.resolve(ExportedModel.FILE_NAME), ExportedModel.class);
        FeatureSpec featureSpec = FeatureSpec.read(dir.resolve(FeatureSpec.FILE_NAME));
        return new SavedModelPredictor(SavedModelSession.load(dir), model, featureSpec);
    }

    public ExportedModel model() {
        return model;
    }

    /** The feature spec shipped with the model: encode service inputs with it. */
    public FeatureSpec featureSpec() {
        return featureSpec;
    }

    /** Served outputs [rows, outputWidth] for encoded inputs [rows, inputWidth]. */
    public float[][] predict(float[][] x) {
        return call(SavedModelExport.SERVING_DEFAULT, SavedModelExport.OUTPUT, x);
    }

    /** d output_k / d x for each row: [rows][outputWidth * inputWidth], output-major. */
    public float[][] gradients(float[][] x) {
        return call(SavedModelExport.EXPLAIN, SavedModelExport.GRADIENTS, x);
    }

    /** Reads the weights back from the SavedModel variables, for a plain-Java forward pass of this artifact. */
    public PlainJavaMlp plainJava() {
        return new PlainJavaMlp(model.spec(), model.loss(), session.variables(model.spec().paramNames()));
    }

    private float[][] call(String signature, String output, float[][] x) {
        if (x.length == 0) {
            return new float[0][];
        }
        float[] flat = session.call(signature, output, x, model.spec().inputWidth());
        int cols = flat.length / x.length;
        float[][] rows = new float[x.length][cols];
        for (int i = 0; i < x.length; i++) {
            System.arraycopy(flat, i * cols, rows[i], 0, cols);
        }
        return rows;
    }

    @Override
    public void close() {
        session.close();
    }
}
