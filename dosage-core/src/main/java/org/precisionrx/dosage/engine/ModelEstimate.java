package org.precisionrx.dosage.engine;

/**
 * One independent dose estimate, in mg per day.
 *
 * @param drivesRange whether the recommended range is built from this estimate
 * @param p10 lower bound of the model's 80% interval, or null for a point formula
 */
public record ModelEstimate(
        String method, String modelVersion, String sha256, double value, boolean drivesRange,
        Double p10, Double p50, Double p90) {
}
