package org.precisionrx.profile.service;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import org.jboss.logging.Logger;
import org.precisionrx.profile.fhir.FhirImport;
import org.precisionrx.profile.fhir.FhirPayloadReader;
import org.precisionrx.profile.fhir.PatientImport;
import org.precisionrx.profile.fhir.PayloadFormat;
import org.precisionrx.profile.ingest.ExternalId;
import org.precisionrx.profile.ingest.ImportProblem;
import org.precisionrx.profile.ingest.PatientRecord;
import org.precisionrx.profile.pharmcat.PharmcatCallsParser;
import org.precisionrx.profile.repository.DatabaseOutage;
import org.precisionrx.profile.service.ImportSummary.PatientResult;

/**
 * FHIR and PharmCAT imports. Each patient is stored in its own transaction, so that one invalid
 * patient is reported and rolled back while the others in the same payload are kept. An import
 * only merges facts, so when it loses a race with a concurrent write of the same patient it is
 * merged again onto the winner's state (a few times, with jitter): concurrent imports all land.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);

    /** Attempts per patient; each conflict means another writer succeeded, so this bounds the wait, not progress. */
    static final int MAX_ATTEMPTS = 8;
    private static final long BACKOFF_MILLIS = 10;

    private final ProfileService profiles;
    private final FhirPayloadReader fhirReader;
    private final PharmcatCallsParser pharmcatParser;

    public ImportService(ProfileService profiles, FhirPayloadReader fhirReader, PharmcatCallsParser pharmcatParser) {
        this.profiles = profiles;
        this.fhirReader = fhirReader;
        this.pharmcatParser = pharmcatParser;
    }

    /** @throws org.precisionrx.profile.fhir.FhirPayloadException when the payload cannot be read at all */
    public ImportSummary importFhir(byte[] payload, PayloadFormat format, String sourceSystem) {
        FhirImport parsed = fhirReader.read(new String(payload, StandardCharsets.UTF_8), format, sourceSystem);
        List<PatientResult> results = new ArrayList<>();
        for (PatientImport patient : parsed.patients()) {
            results.add(patient.problems().isEmpty()
                    ? storeIsolated(patient.sourceRef(), StoreRequest.merge(patient.record(), patient.patientResourceIncluded()))
                    : PatientResult.failed(patient.sourceRef(), patient.problems()));
        }
        LOG.infof("FHIR import: %d patient(s), %d failed", results.size(),
                results.stream().filter(r -> r.outcome() == null).count());
        return new ImportSummary(results, parsed.skippedByType());
    }

    /**
     * Stores PharmCAT calls for an existing patient. Any problem in the file rejects it whole.
     *
     * @throws InvalidRecordException for a malformed file or invalid calls
     * @throws PatientNotFoundException for an unknown patient
     */
    public ImportSummary importPharmcat(UUID patientId, ExternalId identifier, String tsv) {
        PharmcatCallsParser.Result parsed = pharmcatParser.parse(tsv);
        if (!parsed.problems().isEmpty()) {
            throw new InvalidRecordException(parsed.problems());
        }
        UUID id = patientId != null ? patientId : profiles.read(null, identifier, p -> p.id);
        PatientRecord record = new PatientRecord("pharmcat", List.of(), null, null, parsed.calls(),
                List.of(), List.of(), List.of(), List.of(), List.of());
        StoreResult stored = storeMergingAgainOnConflict(new StoreRequest(id, null, record, Set.of(), null, false));
        return new ImportSummary(List.of(new PatientResult("pharmcat", stored.patientId(), stored.outcome(), List.of())),
                Map.of());
    }

    private PatientResult storeIsolated(String sourceRef, StoreRequest request) {
        try {
            StoreResult stored = storeMergingAgainOnConflict(request);
            return new PatientResult(sourceRef, stored.patientId(), stored.outcome(), List.of());
        } catch (InvalidRecordException e) {
            return PatientResult.failed(sourceRef, e.problems());
        } catch (PersistenceException | QuarkusTransactionException e) {
            if (DatabaseOutage.causedBy(e)) {
                // Not this patient's fault: the whole request fails as UNAVAILABLE, and the client retries it.
                throw e;
            }
            // Still conflicting after every attempt; nothing of this one was kept.
            LOG.debug("patient import conflicted", e);
            return PatientResult.failed(sourceRef, List.of(new ImportProblem(sourceRef, "identifiers",
                    "another import of this patient ran at the same time; retry")));
        }
    }

    /** Stores in a new transaction; a write conflict (never a validation error) is merged again after a jittered pause. */
    private StoreResult storeMergingAgainOnConflict(StoreRequest request) {
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> profiles.store(request));
            } catch (PersistenceException | QuarkusTransactionException e) {
                if (attempt == MAX_ATTEMPTS || !WriteConflicts.isConflict(e)) {
                    throw e;
                }
                LOG.debugf("patient write conflicted (attempt %d); merging again", attempt);
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(BACKOFF_MILLIS * attempt + ThreadLocalRandom.current().nextLong(BACKOFF_MILLIS * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QuarkusTransactionException(e);
        }
    }
}
