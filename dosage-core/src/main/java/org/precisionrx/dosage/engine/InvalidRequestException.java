package org.precisionrx.dosage.engine;

/** A request that cannot be answered as asked; maps to INVALID_ARGUMENT on the named field. */
public class InvalidRequestException extends RuntimeException {

    private final String field;

    public InvalidRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
