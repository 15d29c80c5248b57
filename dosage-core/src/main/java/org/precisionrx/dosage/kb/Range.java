package org.precisionrx.dosage.kb;

/** A daily dose range in one unit; low ≤ target ≤ high. */
public record Range(double low, double target, double high) {

    public Range scaled(double factor) {
        return new Range(low * factor, target * factor, high * factor);
    }

    /** Lowers every bound that exceeds the cap to the cap. */
    public Range capped(double max) {
        return new Range(Math.min(low, max), Math.min(target, max), Math.min(high, max));
    }

    public boolean isOrdered() {
        return low <= target && target <= high;
    }
}
