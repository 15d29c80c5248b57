package org.precisionrx.profile.service;

/** What storing one patient's record did. */
public enum Outcome {
    CREATED, UPDATED, UNCHANGED
}
