package org.precisionrx.ml.serve;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.precisionrx.ml.feature.FeatureSpec;
import org.precisionrx.ml.io.Json;
import org.precisionrx.ml.nn.Tensors;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.SessionFunction;
import org.tensorflow.types.TFloat32;

/**
 * Loads an exported model and serves {@code serving_default} with one batched session call per
 * {@link #predict} call. TF sessions are thread-safe; the read/write lock only keeps {@link #close}
 * from freeing the session under a running call.
 */
public final class SavedModelPredictor implements AutoCloseable {
    private final SavedModelBundle bundle;
    private final ExportedModel model;
    private final FeatureSpec featureSpec;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean closed;

    private SavedModelPredictor(SavedModelBundle bundle, ExportedModel model, FeatureSpec featureSpec) {
        this.bundle = bundle;
        this.model = model;
        this.featureSpec = featureSpec;
    }

    public static SavedModelPredictor load(Path dir) throws IOException {
        ExportedModel model = Json.readFile(dir.resolve(ExportedModel.FILE_NAME), ExportedModel.class);
        FeatureSpec featureSpec = FeatureSpec.read(dir.resolve(FeatureSpec.FILE_NAME));
        return new SavedModelPredictor(SavedModelBundle.load(dir.toString(), SavedModelExport.SERVE_TAG),
                model, featureSpec);
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
        lock.readLock().lock();
        try {
            checkOpen();
            var names = model.spec().paramNames();
            var runner = bundle.session().runner();
            names.forEach(runner::fetch);
            float[][] weights = new float[names.size()][];
            try (Result result = runner.run()) {
                for (int i = 0; i < weights.length; i++) {
                    weights[i] = Tensors.flat((TFloat32) result.get(i));
                }
            }
            return new PlainJavaMlp(model.spec(), model.loss(), weights);
        } finally {
            lock.readLock().unlock();
        }
    }

    private float[][] call(String signature, String output, float[][] x) {
        if (x.length == 0) {
            return new float[0][];
        }
        lock.readLock().lock();
        try {
            checkOpen();
            SessionFunction function = bundle.function(signature);
            try (TFloat32 input = Tensors.matrix(x, model.spec().inputWidth());
                 Result result = function.call(Map.of(SavedModelExport.INPUT, input))) {
                TFloat32 out = (TFloat32) result.get(output).orElseThrow();
                float[] flat = Tensors.flat(out);
                int cols = flat.length / x.length;
                float[][] rows = new float[x.length][cols];
                for (int i = 0; i < x.length; i++) {
                    System.arraycopy(flat, i * cols, rows[i], 0, cols);
                }
                return rows;
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("predictor is closed");
        }
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                bundle.close();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }
}
