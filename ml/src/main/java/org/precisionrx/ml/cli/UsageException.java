package org.precisionrx.ml.cli;

/** A user mistake (bad option, missing column, unreadable file): reported as one line with exit code 2. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
