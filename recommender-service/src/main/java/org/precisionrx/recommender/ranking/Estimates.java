package org.precisionrx.recommender.ranking;

/** Mean and 90% interval across ensemble members for one arm. */
public record Estimates(double mean, double lower, double upper) {

    /**
     * Summarises member predictions: mean, and the interval mean ± 1.645 standard deviations of the
     * members (the ensemble's spread as a normal approximation), clipped to [0, 1].
     */
    public static Estimates of(double[][] members, int arm) {
        double sum = 0;
        for (double[] member : members) {
            sum += member[arm];
        }
        double mean = sum / members.length;
        double squares = 0;
        for (double[] member : members) {
            squares += (member[arm] - mean) * (member[arm] - mean);
        }
        double sd = members.length > 1 ? Math.sqrt(squares / (members.length - 1)) : 0;
        return new Estimates(mean, Math.max(0, mean - 1.645 * sd), Math.min(1, mean + 1.645 * sd));
    }
}
