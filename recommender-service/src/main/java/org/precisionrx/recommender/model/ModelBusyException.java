package org.precisionrx.recommender.model;

/** A model's request queue is full: the caller should back off and retry (gRPC RESOURCE_EXHAUSTED). */
public final class ModelBusyException extends RuntimeException {

    public ModelBusyException(String message) {
        super(message);
    }
}
