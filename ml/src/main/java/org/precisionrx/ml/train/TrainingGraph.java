package org.precisionrx.ml.train;

import java.util.ArrayList;
import java.util.List;
import org.precisionrx.ml.nn.MlpGraph;
import org.precisionrx.ml.nn.MlpSpec;
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
 * The TF side of training: loss and its gradients w.r.t. the parameters, which are placeholders fed from
 * Java. The graph holds no state, so each session call is a pure function of its feeds; the session is
 * single-threaded so reductions always add in the same order.
 */
final class TrainingGraph implements AutoCloseable {
    private final MlpSpec spec;
    private final Graph graph = new Graph();
    private final Session session;
    private final Placeholder<TFloat32> x;
    private final Placeholder<TFloat32> y;
    private final List<Placeholder<TFloat32>> params = new ArrayList<>();
    private final List<Placeholder<TFloat32>> masks = new ArrayList<>();
    private final Operand<TFloat32> trainLoss;
    private final Operand<TFloat32> evalLoss;
    private final List<Output<?>> grads = new ArrayList<>();

    TrainingGraph(MlpSpec spec, Loss loss, int targetWidth) {
        this.spec = spec;
        Ops tf = Ops.create(graph);
        x = tf.withName("x").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, spec.inputWidth())));
        y = tf.withName("y").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, targetWidth)));
        var shapes = spec.paramShapes();
        for (int i = 0; i < shapes.size(); i++) {
            params.add(tf.withName("p" + i).placeholder(TFloat32.class, Placeholder.shape(Shape.of(shapes.get(i)))));
        }
        if (spec.dropoutRate() > 0) {
            for (int i = 0; i < spec.hidden().size(); i++) {
                masks.add(tf.withName("mask" + i).placeholder(TFloat32.class,
                        Placeholder.shape(Shape.of(-1, spec.hidden().get(i)))));
            }
        }
        trainLoss = loss.build(tf, MlpGraph.forward(tf, spec, x, params, masks.isEmpty() ? null : masks), y);
        evalLoss = loss.build(tf, MlpGraph.forward(tf, spec, x, params, null), y);
        tf.gradients(trainLoss, params).forEach(g -> grads.add(g.asOutput()));
        ConfigProto config = ConfigProto.newBuilder()
                .setIntraOpParallelismThreads(1)
                .setInterOpParallelismThreads(1)
                .build();
        session = new Session(graph, config);
    }

    /** Loss of the batch (with dropout masks if any); gradients are written to {@code gradsOut}. */
    double lossAndGradients(float[][] bx, float[][] by, float[][] weights, float[][] dropoutMasks, float[][] gradsOut) {
        List<Tensor> owned = new ArrayList<>();
        try {
            Session.Runner runner = feed(session.runner(), bx, by, weights, owned);
            for (int i = 0; i < masks.size(); i++) {
                TFloat32 t = Tensors.of(dropoutMasks[i], new long[] {bx.length, spec.hidden().get(i)});
                owned.add(t);
                runner.feed(masks.get(i), t);
            }
            runner.fetch(trainLoss);
            grads.forEach(runner::fetch);
            try (var result = runner.run()) {
                for (int i = 0; i < grads.size(); i++) {
                    gradsOut[i] = Tensors.flat((TFloat32) result.get(i + 1));
                }
                return ((TFloat32) result.get(0)).getFloat();
            }
        } finally {
            owned.forEach(Tensor::close);
        }
    }

    /** Loss without dropout, e.g. on the validation set. */
    double evalLoss(float[][] bx, float[][] by, float[][] weights) {
        List<Tensor> owned = new ArrayList<>();
        try (var result = feed(session.runner(), bx, by, weights, owned).fetch(evalLoss).run()) {
            return ((TFloat32) result.get(0)).getFloat();
        } finally {
            owned.forEach(Tensor::close);
        }
    }

    boolean usesDropout() {
        return !masks.isEmpty();
    }

    private Session.Runner feed(Session.Runner runner, float[][] bx, float[][] by, float[][] weights,
                                List<Tensor> owned) {
        TFloat32 tx = Tensors.matrix(bx, spec.inputWidth());
        owned.add(tx);
        TFloat32 ty = Tensors.matrix(by, by[0].length);
        owned.add(ty);
        runner.feed(x, tx).feed(y, ty);
        var shapes = spec.paramShapes();
        for (int i = 0; i < params.size(); i++) {
            TFloat32 t = Tensors.of(weights[i], shapes.get(i));
            owned.add(t);
            runner.feed(params.get(i), t);
        }
        return runner;
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
