package org.precisionrx.recommender.model;

/** A model stopped serving (shutdown or retirement) before it answered (gRPC UNAVAILABLE). */
public final class ModelClosedException extends RuntimeException {

    public ModelClosedException(String message) {
        super(message);
    }
}
