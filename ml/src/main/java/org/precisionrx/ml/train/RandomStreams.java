package org.precisionrx.ml.train;

import java.util.Random;

/**
 * Independent seeded random streams per purpose, shared by every trainer: changing dropout does
 * not change the split, and the single-model and multi-arm trainers split a data set alike.
 */
public final class RandomStreams {

    private static final long SPLIT = 0x5EED_0001L;
    private static final long SHUFFLE = 0x5EED_0002L;
    private static final long DROPOUT = 0x5EED_0003L;
    private static final long INIT = 0x5EED_0004L;

    private RandomStreams() {
    }

    public static Random split(long seed) {
        return new Random(seed ^ SPLIT);
    }

    public static Random shuffle(long seed) {
        return new Random(seed ^ SHUFFLE);
    }

    public static Random dropout(long seed) {
        return new Random(seed ^ DROPOUT);
    }

    public static Random init(long seed) {
        return new Random(seed ^ INIT);
    }
}
