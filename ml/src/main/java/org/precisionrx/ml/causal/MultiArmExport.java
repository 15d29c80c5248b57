package org.precisionrx.ml.causal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.precisionrx.ml.feature.FeatureSpec;
import org.precisionrx.ml.serve.ExportDirectory;
import org.precisionrx.ml.io.Json;
import org.precisionrx.ml.serve.SavedModelExport;
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
import org.tensorflow.types.TFloat32;

/**
 * Writes a multi-arm ensemble as ONE SavedModel (tag {@code serve}) with {@code feature-spec.json} and
 * {@code model.json}. All members live in one graph, so a single session call serves the whole ensemble:
 * <ul>
 *   <li>{@code serving_default}: {@code features} [batch, width] -> {@code outcomes} [batch, members, arms]
 *       (probabilities for BINARY) and {@code mean} [batch, arms] (mean over members);</li>
 *   <li>{@code explain}: {@code features} -> {@code gradients} [batch, arms, width], d mean_a / d x, for
 *       integrated gradients (the caller feeds the interpolated inputs as one batch).</li>
 * </ul>
 * saved_model.pb is canonicalised like {@link SavedModelExport}, so exports are byte-reproducible.
 */
public final class MultiArmExport {
    public static final String OUTCOMES = "outcomes";
    public static final String MEAN = "mean";

    private MultiArmExport() {
    }

    public static MultiArmModelInfo export(MultiArmEnsemble ensemble, FeatureSpec featureSpec,
                                           MultiArmModelInfo.Labels labels, MultiArmConfig config, Path dir)
            throws IOException {
        TarnetSpec spec = ensemble.spec();
        ExportDirectory.prepare(dir, featureSpec, spec.inputWidth());
        MultiArmModelInfo info;
        try (Graph graph = new Graph(); Session session = new Session(graph)) {
            List<Signature> signatures = signatures(Ops.create(graph), ensemble);
            session.initialize();
            SavedModelBundle.Exporter exporter = SavedModelBundle.exporter(dir.toString())
                    .withTags(SavedModelExport.SERVE_TAG).withSession(session);
            signatures.forEach(exporter::withSignature);
            exporter.export();
            SavedModelExport.canonicalize(dir.resolve("saved_model.pb"));
            featureSpec.write(dir.resolve(FeatureSpec.FILE_NAME));
            info = new MultiArmModelInfo(MultiArmModelInfo.FORMAT, spec, labels.arms(), ensemble.size(),
                    config.ipm(), config.alpha(), ensemble.members().get(0).seed(), labels.treatment(),
                    labels.outcome(), labels.higherIsBetter(), ensemble.weightsSha256(),
                    ensemble.memberWeightsSha256(), signatures.stream().map(Signature::key).toList());
            Json.writeFile(dir.resolve(MultiArmModelInfo.FILE_NAME), info);
        }
        return info;
    }

    /** Variable names of member m's parameters, as stored in variables/. */
    static List<String> variableNames(TarnetSpec spec, int member) {
        return spec.paramNames("m" + member + "_");
    }

    private static List<Signature> signatures(Ops tf, MultiArmEnsemble ensemble) {
        TarnetSpec spec = ensemble.spec();
        var x = tf.withName(SavedModelExport.INPUT).placeholder(TFloat32.class,
                Placeholder.shape(Shape.of(-1, spec.inputWidth())));
        var shapes = spec.paramShapes();
        List<Operand<TFloat32>> served = new ArrayList<>();
        for (int m = 0; m < ensemble.size(); m++) {
            float[][] weights = ensemble.members().get(m).weights();
            List<String> names = variableNames(spec, m);
            List<Operand<TFloat32>> params = new ArrayList<>();
            for (int i = 0; i < weights.length; i++) {
                var init = tf.constant(Shape.of(shapes.get(i)), DataBuffers.of(weights[i], true, false));
                params.add(tf.withName(names.get(i)).variable(init));
            }
            served.add(spec.outcomeType().serve(tf, TarnetGraph.build(tf, spec, x, params).raw()));
        }
        var outcomes = tf.withName(OUTCOMES).stack(served, Stack.axis(1L));
        Operand<TFloat32> sum = served.get(0);
        for (int m = 1; m < served.size(); m++) {
            sum = tf.math.add(sum, served.get(m));
        }
        var mean = tf.withName(MEAN).math.mul(sum, tf.constant(1f / ensemble.size()));

        // explain: one input gradient per arm of the ensemble-mean outcome (probability for BINARY).
        List<Operand<TFloat32>> perArm = new ArrayList<>();
        for (int a = 0; a < spec.arms(); a++) {
            float[] select = new float[spec.arms()];
            select[a] = 1f;
            var picked = tf.reduceSum(tf.math.mul(mean, tf.constant(select)), tf.constant(new int[] {0, 1}));
            perArm.add(tf.gradients(picked, List.of(x)).<TFloat32>dy(0));
        }
        var gradients = tf.withName(SavedModelExport.GRADIENTS).stack(perArm, Stack.axis(1L));
        return List.of(
                Signature.builder(SavedModelExport.SERVING_DEFAULT).input(SavedModelExport.INPUT, x)
                        .output(OUTCOMES, outcomes).output(MEAN, mean).build(),
                Signature.builder(SavedModelExport.EXPLAIN).input(SavedModelExport.INPUT, x)
                        .output(SavedModelExport.GRADIENTS, gradients).build());
    }
}
