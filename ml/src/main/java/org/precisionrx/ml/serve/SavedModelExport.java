package org.precisionrx.ml.serve;

import com.google.protobuf.CodedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.precisionrx.ml.feature.FeatureSpec;
import org.precisionrx.ml.io.Json;
import org.precisionrx.ml.nn.MlpGraph;
import org.precisionrx.ml.nn.MlpSpec;
import org.precisionrx.ml.train.TrainedModel;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Stack;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.types.TFloat32;

/**
 * Writes a trained model as a SavedModel (tag {@code serve}) plus {@code feature-spec.json} and
 * {@code model.json}. Signatures:
 * <ul>
 *   <li>{@code serving_default}: {@code features} [batch, width] -> {@code outputs} [batch, out]
 *       (head transform applied, e.g. sorted quantiles);</li>
 *   <li>{@code explain}: {@code features} -> {@code gradients} [batch, out, width], d output_k / d x, the
 *       building block for integrated gradients (the caller feeds the interpolated inputs).</li>
 * </ul>
 * More signatures can be added in {@link #signatures} over the same graph.
 */
public final class SavedModelExport {
    public static final String SERVE_TAG = "serve";
    public static final String SERVING_DEFAULT = "serving_default";
    public static final String EXPLAIN = "explain";
    public static final String INPUT = "features";
    public static final String OUTPUT = "outputs";
    public static final String GRADIENTS = "gradients";

    private SavedModelExport() {
    }

    public static void export(TrainedModel model, Path dir, FeatureSpec featureSpec) throws IOException {
        MlpSpec spec = model.spec();
        ExportDirectory.prepare(dir, featureSpec, spec.inputWidth());
        try (Graph graph = new Graph(); Session session = new Session(graph)) {
            List<Signature> signatures = signatures(Ops.create(graph), model);
            session.initialize();
            SavedModelBundle.Exporter exporter = SavedModelBundle.exporter(dir.toString())
                    .withTags(SERVE_TAG).withSession(session);
            signatures.forEach(exporter::withSignature);
            exporter.export();
            canonicalize(dir.resolve("saved_model.pb"));
            featureSpec.write(dir.resolve(FeatureSpec.FILE_NAME));
            Json.writeFile(dir.resolve(ExportedModel.FILE_NAME), new ExportedModel(spec, model.loss(),
                    model.weightsSha256(), signatures.stream().map(Signature::key).toList()));
        }
    }

    /**
     * Rewrites saved_model.pb with map entries (node attributes, signatures) sorted by key. The native
     * graph serialisation emits attribute maps in hash order, which differs between runs; sorted output
     * makes the artifact hash of a model card reproducible.
     */
    public static void canonicalize(Path savedModelPb) throws IOException {
        SavedModel proto = SavedModel.parseFrom(Files.readAllBytes(savedModelPb));
        try (OutputStream out = Files.newOutputStream(savedModelPb)) {
            CodedOutputStream coded = CodedOutputStream.newInstance(out);
            coded.useDeterministicSerialization();
            proto.writeTo(coded);
            coded.flush();
        }
    }

    /** Builds the inference graph: weights as variables (saved in variables/), then one op set per signature. */
    private static List<Signature> signatures(Ops tf, TrainedModel model) {
        MlpSpec spec = model.spec();
        var x = tf.withName(INPUT).placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, spec.inputWidth())));
        float[][] weights = model.weights();
        List<Operand<TFloat32>> params = new ArrayList<>();
        var shapes = spec.paramShapes();
        var names = spec.paramNames();
        for (int i = 0; i < weights.length; i++) {
            var init = tf.constant(Shape.of(shapes.get(i)), DataBuffers.of(weights[i], true, false));
            params.add(tf.withName(names.get(i)).variable(init));
        }
        Operand<TFloat32> raw = MlpGraph.forward(tf, spec, x, params, null);
        Operand<TFloat32> outputs = tf.withName(OUTPUT).identity(model.loss().serve(tf, raw));

        // explain: one gradient per output column, from the raw head (TopK has no registered gradient).
        List<Operand<TFloat32>> perOutput = new ArrayList<>();
        for (int k = 0; k < spec.outputWidth(); k++) {
            float[] select = new float[spec.outputWidth()];
            select[k] = 1f;
            var picked = tf.reduceSum(tf.math.mul(raw, tf.constant(select)), tf.constant(new int[] {0, 1}));
            perOutput.add(tf.gradients(picked, List.of(x)).<TFloat32>dy(0));
        }
        var gradients = tf.withName(GRADIENTS).stack(perOutput, Stack.axis(1L));

        return List.of(
                Signature.builder(SERVING_DEFAULT).input(INPUT, x).output(OUTPUT, outputs).build(),
                Signature.builder(EXPLAIN).input(INPUT, x).output(GRADIENTS, gradients).build());
    }
}
