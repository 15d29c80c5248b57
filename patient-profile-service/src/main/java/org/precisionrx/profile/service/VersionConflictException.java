package org.precisionrx.profile.service;

/** The stored version is not the one the caller based its change on. Maps to ABORTED. */
public class VersionConflictException extends RuntimeException {

    public VersionConflictException(String message) {
        super(message);
    }
}
