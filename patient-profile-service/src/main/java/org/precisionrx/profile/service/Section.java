package org.precisionrx.profile.service;

/** Parts of a profile that a structured upsert replaces as a whole. */
public enum Section {
    DEMOGRAPHICS, GENETICS, LIFESTYLE, HISTORY, CONSENT
}
