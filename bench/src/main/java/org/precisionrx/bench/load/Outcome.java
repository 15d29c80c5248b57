package org.precisionrx.bench.load;

/**
 * How one request ended: success, or an error named by kind (HTTP status, gRPC code, timeout…)
 * with what the target said about it (a problem+json body, a status description), if anything.
 */
public record Outcome(boolean ok, String error, String detail) {

    public static final Outcome OK = new Outcome(true, null, null);

    public static Outcome error(String kind) {
        return new Outcome(false, kind, null);
    }

    public static Outcome error(String kind, String detail) {
        return new Outcome(false, kind, detail);
    }
}
