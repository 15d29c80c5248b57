package org.precisionrx.profile.service;

import java.util.Set;
import java.util.UUID;

import org.precisionrx.profile.ingest.PatientRecord;

/**
 * One patient's record to store.
 *
 * @param patientId the stored patient to update, or null to match by identifiers or create
 * @param expectedVersion when non-null, the stored version must equal it
 * @param replace sections replaced whole; others are merged
 * @param modelOptOut consent to store, or null to keep the stored consent
 * @param mayCreate false when the source only references the patient (it must already exist)
 */
public record StoreRequest(
        UUID patientId,
        Long expectedVersion,
        PatientRecord record,
        Set<Section> replace,
        Boolean modelOptOut,
        boolean mayCreate) {

    public static StoreRequest merge(PatientRecord record, boolean mayCreate) {
        return new StoreRequest(null, null, record, Set.of(), null, mayCreate);
    }
}
