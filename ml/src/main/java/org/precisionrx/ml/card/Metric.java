package org.precisionrx.ml.card;

/** A reported metric: value, 95% bootstrap interval and the number of rows it was computed on. */
public record Metric(double value, double lower95, double upper95, int n) {
    public static Metric of(ConfidenceInterval ci, int n) {
        return new Metric(ci.estimate(), ci.lower(), ci.upper(), n);
    }
}
