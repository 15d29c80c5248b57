package org.precisionrx.bench.load;

/** How one request ended: success, or an error named by kind (HTTP status, gRPC code, timeout…). */
public record Outcome(boolean ok, String error) {

    public static final Outcome OK = new Outcome(true, null);

    public static Outcome error(String kind) {
        return new Outcome(false, kind);
    }
}
