package org.precisionrx.ml.causal;

import java.util.ArrayList;
import java.util.List;
import org.precisionrx.ml.nn.Tensors;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/**
 * The TF side of multi-arm training, on the same principles as the single-network TrainingGraph: weights
 * are placeholders fed from Java, the graph is stateless and the session single-threaded, so every call
 * is a pure, reproducible function of its feeds. The factual loss uses only the head of the arm given
 * (mask t [batch, arms]); the IPM penalty is added with weight alpha.
 */
final class MultiArmTrainingGraph implements AutoCloseable {
    /** Factual loss, penalty (0 without IPM) and, when requested, gradients of factual + alpha * penalty. */
    record Step(double factual, double penalty, float[][] gradients) {
    }

    private final TarnetSpec spec;
    private final Graph graph = new Graph();
    private final Session session;
    private final Placeholder<TFloat32> x;
    private final Placeholder<TFloat32> y;
    private final Placeholder<TFloat32> t;
    private final List<Placeholder<TFloat32>> params = new ArrayList<>();
    private final Operand<TFloat32> factual;
    private final IpmGraph ipm;
    private final List<Output<?>> grads = new ArrayList<>();

    MultiArmTrainingGraph(TarnetSpec spec, MultiArmConfig config, long seed) {
        this.spec = spec;
        Ops tf = Ops.create(graph);
        x = tf.withName("x").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, spec.inputWidth())));
        y = tf.withName("y").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 1)));
        t = tf.withName("t").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, spec.arms())));
        var shapes = spec.paramShapes();
        for (int i = 0; i < shapes.size(); i++) {
            params.add(tf.withName("p" + i).placeholder(TFloat32.class, Placeholder.shape(Shape.of(shapes.get(i)))));
        }
        TarnetGraph.Outputs out = TarnetGraph.build(tf, spec, x, params);
        // mean over [batch, arms] of the masked loss, times arms = mean over rows of the factual loss.
        Operand<TFloat32> masked = tf.math.mul(spec.outcomeType().elementLoss(tf, out.raw(), y), t);
        factual = tf.math.mul(tf.math.mean(masked, tf.constant(new int[] {0, 1})), tf.constant((float) spec.arms()));
        Operand<TFloat32> total = factual;
        if (config.ipm() != Ipm.NONE) {
            ipm = new IpmGraph(tf, config.ipm(), out.phi(), spec.arms(), spec.representationWidth(),
                    config.rbfSigma(), seed);
            total = tf.math.add(factual, tf.math.mul(tf.constant((float) config.alpha()), ipm.penalty));
        } else {
            ipm = null;
        }
        tf.gradients(total, params).forEach(g -> grads.add(g.asOutput()));
        session = new Session(graph, ConfigProto.newBuilder()
                .setIntraOpParallelismThreads(1).setInterOpParallelismThreads(1).build());
    }

    /** Runs one batch; the penalty is computed only when {@code withPenalty} (not for validation). */
    Step run(float[][] bx, int[] barm, float[] by, float[][] weights, boolean withPenalty, boolean withGradients) {
        if (withGradients && !withPenalty && ipm != null) {
            throw new IllegalArgumentException("training gradients include the penalty");
        }
        List<Tensor> owned = new ArrayList<>();
        try {
            Session.Runner runner = session.runner();
            feedParams(runner, bx, weights, owned);
            float[] yFlat = by.clone();
            float[] mask = new float[bx.length * spec.arms()];
            for (int i = 0; i < bx.length; i++) {
                mask[i * spec.arms() + barm[i]] = 1f;
            }
            owned.add(feed(runner, y, Tensors.of(yFlat, new long[] {bx.length, 1})));
            owned.add(feed(runner, t, Tensors.of(mask, new long[] {bx.length, spec.arms()})));
            boolean penalty = withPenalty && ipm != null;
            if (penalty) {
                ipm.feed(runner, barm, ipm.needsProjections() ? projections(bx, weights) : null, owned);
            }
            runner.fetch(factual);
            if (penalty) {
                runner.fetch(ipm.penalty);
            }
            if (withGradients) {
                grads.forEach(runner::fetch);
            }
            try (var result = runner.run()) {
                int next = 1;
                double pen = penalty ? ((TFloat32) result.get(next++)).getFloat() : 0;
                float[][] g = null;
                if (withGradients) {
                    g = new float[grads.size()][];
                    for (int i = 0; i < g.length; i++) {
                        g[i] = Tensors.flat((TFloat32) result.get(next + i));
                    }
                }
                return new Step(((TFloat32) result.get(0)).getFloat(), pen, g);
            }
        } finally {
            owned.forEach(Tensor::close);
        }
    }

    /** Projections of Φ on the sliced-Wasserstein directions, for the Java-side sort. */
    private float[][] projections(float[][] bx, float[][] weights) {
        List<Tensor> owned = new ArrayList<>();
        try {
            Session.Runner runner = session.runner();
            feedParams(runner, bx, weights, owned);
            try (var result = runner.fetch(ipm.projections).run()) {
                return Tensors.toMatrix((TFloat32) result.get(0));
            }
        } finally {
            owned.forEach(Tensor::close);
        }
    }

    private void feedParams(Session.Runner runner, float[][] bx, float[][] weights, List<Tensor> owned) {
        owned.add(feed(runner, x, Tensors.matrix(bx, spec.inputWidth())));
        var shapes = spec.paramShapes();
        for (int i = 0; i < params.size(); i++) {
            owned.add(feed(runner, params.get(i), Tensors.of(weights[i], shapes.get(i))));
        }
    }

    private static TFloat32 feed(Session.Runner runner, Placeholder<TFloat32> p, TFloat32 value) {
        runner.feed(p, value);
        return value;
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
