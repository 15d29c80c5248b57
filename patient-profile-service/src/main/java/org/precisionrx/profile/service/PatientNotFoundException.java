package org.precisionrx.profile.service;

/** No stored patient matches the key. Maps to NOT_FOUND. */
public class PatientNotFoundException extends RuntimeException {

    public PatientNotFoundException(String key) {
        super("no patient with " + key);
    }
}
