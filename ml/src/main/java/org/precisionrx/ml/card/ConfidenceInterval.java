package org.precisionrx.ml.card;

/** A point estimate with a two-sided 95% interval. */
public record ConfidenceInterval(double estimate, double lower, double upper) {
    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }
}
