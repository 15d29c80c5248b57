package org.precisionrx.profile.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.precisionrx.profile.entity.PatientEntity;
import org.precisionrx.profile.ingest.ExternalId;
import org.precisionrx.profile.ingest.ImportProblem;
import org.precisionrx.profile.repository.PatientRepository;
import org.precisionrx.profile.repository.ProfileGraphLoader;

/** Stores, reads, lists and erases profiles. Owns the transactions and the version checks. */
@ApplicationScoped
public class ProfileService {

    private static final Logger LOG = Logger.getLogger(ProfileService.class);

    private final PatientRepository patients;
    private final ProfileGraphLoader graphs;
    private final RecordValidator validator;
    private final PatientMerger merger = new PatientMerger();
    private final Clock clock;

    public ProfileService(PatientRepository patients, ProfileGraphLoader graphs, RecordValidator validator, Clock clock) {
        this.patients = patients;
        this.graphs = graphs;
        this.validator = validator;
        this.clock = clock;
    }

    /** Reads a whole patient (a fixed number of statements) and turns it into a view inside the transaction. */
    @Transactional
    public <T> T read(UUID patientId, ExternalId identifier, Function<PatientEntity, T> view) {
        UUID id = patientId != null ? patientId : find(null, identifier).id;
        return graphs.load(List.of(id)).stream().findFirst().map(view)
                .orElseThrow(() -> new PatientNotFoundException("id " + id));
    }

    /** The views of the stored patients among {@code ids}, in the order given, each once; unknown ids are left out. */
    @Transactional
    public <T> List<T> readMany(List<UUID> ids, Function<PatientEntity, T> view) {
        return readInOrder(ids.stream().distinct().toList(), view);
    }

    /** A keyset page of whole patients in creation order, read with a fixed number of statements. */
    @Transactional
    public <T> List<T> readPage(Instant afterCreatedAt, UUID afterId, int size, Function<PatientEntity, T> view) {
        return readInOrder(patients.idsAfter(afterCreatedAt, afterId, size), view);
    }

    private <T> List<T> readInOrder(List<UUID> ids, Function<PatientEntity, T> view) {
        Map<UUID, PatientEntity> found = graphs.load(ids).stream().collect(Collectors.toMap(p -> p.id, p -> p));
        return ids.stream().map(found::get).filter(Objects::nonNull).map(view).toList();
    }

    /** Validates and stores one patient's record in the caller's transaction. */
    @Transactional
    public StoreResult store(StoreRequest request) {
        LocalDate today = LocalDate.now(clock);
        List<ImportProblem> problems = validator.validate(request.record(), today);
        if (!problems.isEmpty()) {
            throw new InvalidRecordException(problems);
        }
        PatientEntity patient = resolve(request);
        boolean created = patient == null;
        if (created) {
            patient = new PatientEntity();
            patient.id = UUID.randomUUID();
        } else if (request.expectedVersion() != null && request.expectedVersion() != patient.version) {
            throw new VersionConflictException("patient " + patient.id + " is at version " + patient.version
                    + ", not " + request.expectedVersion());
        }
        String before = created ? null : ProfileFingerprint.of(patient);
        Instant now = clock.instant();
        merger.merge(patient, request.record(), request.replace(), now);
        if (request.modelOptOut() != null && (created || patient.modelOptOut != request.modelOptOut())) {
            patient.modelOptOut = request.modelOptOut();
            patient.consentRecordedAt = now;
        }
        if (created) {
            patients.persist(patient);
            patients.flush();
            LOG.debugf("created patient %s", patient.id);
            return new StoreResult(patient.id, Outcome.CREATED, patient.version);
        }
        if (before.equals(ProfileFingerprint.of(patient))) {
            return new StoreResult(patient.id, Outcome.UNCHANGED, patient.version);
        }
        patient.updatedAt = now; // bumps the patient's version when only child rows changed
        patients.flush();
        return new StoreResult(patient.id, Outcome.UPDATED, patient.version);
    }

    /** Keyset page in creation order, mapped inside the transaction. */
    @Transactional
    public <T> List<T> page(Instant afterCreatedAt, UUID afterId, int size, Function<PatientEntity, T> view) {
        return patients.pageAfter(afterCreatedAt, afterId, size).stream().map(view).toList();
    }

    @Transactional
    public void delete(UUID patientId, Long expectedVersion) {
        PatientEntity patient = find(patientId, null);
        if (expectedVersion != null && expectedVersion != patient.version) {
            throw new VersionConflictException("patient " + patientId + " is at version " + patient.version
                    + ", not " + expectedVersion);
        }
        patients.delete(patient);
        LOG.debugf("deleted patient %s", patientId);
    }

    private PatientEntity find(UUID patientId, ExternalId identifier) {
        Optional<PatientEntity> found = patientId != null
                ? patients.findByIdOptional(patientId)
                : patients.findByIdentifier(identifier);
        return found.orElseThrow(() -> new PatientNotFoundException(
                patientId != null ? "id " + patientId : "identifier " + identifier.kind() + " in " + identifier.system()));
    }

    private PatientEntity resolve(StoreRequest request) {
        if (request.patientId() != null) {
            PatientEntity patient = find(request.patientId(), null);
            List<PatientEntity> others = patients.findByIdentifiers(request.record().identifiers());
            if (others.stream().anyMatch(other -> !other.id.equals(patient.id))) {
                throw invalid("identifiers", "value", "an identifier already belongs to another patient");
            }
            return patient;
        }
        List<PatientEntity> matches = patients.findByIdentifiers(request.record().identifiers());
        if (matches.size() > 1) {
            throw invalid("identifiers", "value", "the identifiers belong to " + matches.size() + " different patients");
        }
        if (matches.isEmpty() && !request.mayCreate()) {
            throw invalid("patient", "reference",
                    "the referenced patient is neither stored nor included in the payload");
        }
        if (matches.isEmpty() && request.record().identifiers().isEmpty()) {
            throw invalid("identifiers", "identifiers", "a new patient needs at least one identifier (MRN or FHIR id)");
        }
        if (request.expectedVersion() != null && matches.isEmpty()) {
            throw new PatientNotFoundException("the given identifiers");
        }
        return matches.isEmpty() ? null : matches.get(0);
    }

    private static InvalidRecordException invalid(String resource, String field, String reason) {
        return new InvalidRecordException(List.of(new ImportProblem(resource, field, reason)));
    }
}
