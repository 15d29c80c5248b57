package org.precisionrx.ml.serve;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.precisionrx.ml.nn.Tensors;
import org.tensorflow.GraphOperation;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.types.TFloat32;

/**
 * A loaded SavedModel that runs signatures on float inputs, one session call per {@link #call}. TF
 * sessions are thread-safe; the read/write lock only keeps {@link #close} from freeing the session under
 * a running call. Shared by {@link SavedModelPredictor} and the multi-arm model.
 */
public final class SavedModelSession implements AutoCloseable {
    private final SavedModelBundle bundle;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean closed;

    private SavedModelSession(SavedModelBundle bundle) {
        this.bundle = bundle;
    }

    /**
     * One thread per op: TF's multi-threaded kernels can split a reduction differently under load,
     * and a clinical answer must not depend on how busy the machine is. Callers run concurrently
     * instead (sessions are thread-safe).
     */
    static final ConfigProto DETERMINISTIC = ConfigProto.newBuilder()
            .setIntraOpParallelismThreads(1)
            .setInterOpParallelismThreads(1)
            .build();

    public static SavedModelSession load(Path dir) {
        return new SavedModelSession(SavedModelBundle.loader(dir.toString()).withTags(SavedModelExport.SERVE_TAG)
                .withConfigProto(DETERMINISTIC).load());
    }

    /** Runs {@code signature} on inputs [rows, width] and returns {@code output} flattened (row-major). */
    public float[] call(String signature, String output, float[][] x, int width) {
        lock.readLock().lock();
        try {
            checkOpen();
            SessionFunction function = bundle.function(signature);
            try (TFloat32 input = Tensors.matrix(x, width);
                 Result result = function.call(Map.of(SavedModelExport.INPUT, input))) {
                return Tensors.flat((TFloat32) result.get(output).orElseThrow(
                        () -> new IllegalArgumentException(signature + " has no output " + output)));
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Like {@link #call}, but fetches only the given inputs ({@code parts}) of {@code output}, which
     * must be a stack (a {@code Pack} op) of per-part tensors, such as some arms' gradients out of every
     * arm's. Fetched alone, in one session run, TensorFlow runs only the graph these slices need and
     * shares what they have in common. Returns one [rows, ...] array per part, flattened: the same
     * values as those slices of {@link #call}'s output.
     */
    public float[][] callParts(String signature, String output, int[] parts, float[][] x, int width) {
        lock.readLock().lock();
        try {
            checkOpen();
            Signature declared = bundle.function(signature).signature();
            Signature.TensorDescription out = declared.getOutputs().get(output);
            if (out == null) {
                throw new IllegalArgumentException(signature + " has no output " + output);
            }
            GraphOperation stack = bundle.graph().operation(out.name.substring(0, out.name.lastIndexOf(':')));
            if (stack == null || !"Pack".equals(stack.type())) {
                throw new IllegalArgumentException(signature + "/" + output + " is not a stack");
            }
            String input = declared.getInputs().get(SavedModelExport.INPUT).name;
            try (TFloat32 tensor = Tensors.matrix(x, width)) {
                Session.Runner runner = bundle.session().runner().feed(input, tensor);
                for (int part : parts) {
                    if (part < 0 || part >= stack.numInputs()) {
                        throw new IllegalArgumentException(signature + "/" + output + " has no part " + part);
                    }
                    runner.fetch(stack.input(part));
                }
                return fetched(runner, parts.length);
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Reads variables (e.g. weights) by name, for a plain-Java forward pass of exactly this artifact. */
    public float[][] variables(List<String> names) {
        lock.readLock().lock();
        try {
            checkOpen();
            var runner = bundle.session().runner();
            names.forEach(runner::fetch);
            return fetched(runner, names.size());
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs {@code runner} and returns its {@code count} float fetches, flattened, in fetch order. */
    private static float[][] fetched(Session.Runner runner, int count) {
        float[][] values = new float[count][];
        try (Result result = runner.run()) {
            for (int i = 0; i < count; i++) {
                values[i] = Tensors.flat((TFloat32) result.get(i));
            }
        }
        return values;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("model is closed");
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
