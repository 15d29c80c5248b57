package org.precisionrx.dosage.grpc;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.precisionrx.dosage.client.ProfileClient;
import org.precisionrx.dosage.engine.InvalidRequestException;
import org.precisionrx.dosage.facts.PatientFacts;
import org.precisionrx.dosage.facts.ProfileFacts;
import org.precisionrx.dosage.v1.DoseSubject;

/** Turns a request's subject (a stored patient's id, or an inline profile) into facts. */
@ApplicationScoped
public class SubjectResolver {

    private final ProfileClient profiles;

    public SubjectResolver(ProfileClient profiles) {
        this.profiles = profiles;
    }

    /** @param cache profiles already fetched for this request, by patient id */
    PatientFacts facts(DoseSubject subject, String field, Map<String, PatientFacts> cache) {
        return switch (subject.getSubjectCase()) {
            case PROFILE -> ProfileFacts.of(subject.getProfile());
            case PATIENT_ID -> {
                String id = subject.getPatientId();
                try {
                    UUID.fromString(id);
                } catch (IllegalArgumentException e) {
                    throw new InvalidRequestException(field + ".patient_id", "not a patient id");
                }
                yield cache.computeIfAbsent(id, key -> ProfileFacts.of(profiles.fetch(key)));
            }
            case SUBJECT_NOT_SET -> throw new InvalidRequestException(field, "a patient id or an inline profile is required");
        };
    }
}
