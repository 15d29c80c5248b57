package org.precisionrx.ml.nn;

import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** Copies between Java float arrays and TF tensors (row-major). Callers own and close the tensors. */
public final class Tensors {
    private Tensors() {
    }

    public static TFloat32 matrix(float[][] rows, int width) {
        float[] flat = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != width) {
                throw new IllegalArgumentException("row " + i + " has width " + rows[i].length + ", expected " + width);
            }
            System.arraycopy(rows[i], 0, flat, i * width, width);
        }
        return TFloat32.tensorOf(Shape.of(rows.length, width), DataBuffers.of(flat));
    }

    public static TFloat32 of(float[] data, long[] shape) {
        return TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(data));
    }

    public static float[] flat(TFloat32 t) {
        float[] out = new float[(int) t.shape().size()];
        t.copyTo(DataBuffers.of(out, false, false));
        return out;
    }

    public static float[][] toMatrix(TFloat32 t) {
        long[] s = t.shape().asArray();
        int rows = (int) s[0];
        int cols = s.length > 1 ? (int) s[1] : 1;
        float[] flat = flat(t);
        float[][] out = new float[rows][cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(flat, i * cols, out[i], 0, cols);
        }
        return out;
    }
}
