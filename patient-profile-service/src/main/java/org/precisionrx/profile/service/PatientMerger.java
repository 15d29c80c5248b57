package org.precisionrx.profile.service;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.precisionrx.profile.entity.AllergyEntity;
import org.precisionrx.profile.entity.ConditionEntity;
import org.precisionrx.profile.entity.GeneticResultEntity;
import org.precisionrx.profile.entity.HlaResultEntity;
import org.precisionrx.profile.entity.IdentifierEntity;
import org.precisionrx.profile.entity.LabResultEntity;
import org.precisionrx.profile.entity.MedicationEntity;
import org.precisionrx.profile.entity.PatientEntity;
import org.precisionrx.profile.ingest.Demographics;
import org.precisionrx.profile.ingest.ExternalId;
import org.precisionrx.profile.ingest.GeneticCall;
import org.precisionrx.profile.ingest.Lifestyle;
import org.precisionrx.profile.ingest.Measurement;
import org.precisionrx.profile.ingest.PatientRecord;
import org.precisionrx.profile.pgx.DiplotypeNormalizer;

/**
 * Applies a validated {@link PatientRecord} to a patient. Sections named in {@code replace} are
 * replaced whole (a structured upsert); other sections are merged: facts are added or updated by
 * key, and a dated value never overwrites a newer one.
 */
final class PatientMerger {

    void merge(PatientEntity patient, PatientRecord record, Set<Section> replace, Instant now) {
        identifiers(patient, record);
        if (record.demographics() != null) {
            demographics(patient, record.demographics(), replace.contains(Section.DEMOGRAPHICS));
        }
        if (record.lifestyle() != null) {
            lifestyle(patient, record.lifestyle(), replace.contains(Section.LIFESTYLE));
        }
        boolean genetics = replace.contains(Section.GENETICS);
        ChildMerge.merge(patient, patient.genetics, record.genetics(), g -> g.gene, c -> gene(c.gene()),
                (row, call) -> genetics || !olderThan(call.reportedAt(), row.reportedAt),
                (row, call) -> applyGenetic(row, call, now), GeneticResultEntity::new, genetics);
        ChildMerge.merge(patient, patient.hla, record.hla(), h -> h.allele, c -> c.allele(),
                (row, call) -> genetics || !olderThan(call.reportedAt(), row.reportedAt),
                (row, call) -> {
                    row.allele = call.allele();
                    row.carrier = call.carrier();
                    row.source = call.source();
                    row.reportedAt = call.reportedAt() != null ? call.reportedAt()
                            : (row.carrier == call.carrier() && row.reportedAt != null ? row.reportedAt : now);
                }, HlaResultEntity::new, genetics);
        boolean history = replace.contains(Section.HISTORY);
        ChildMerge.merge(patient, patient.conditions, record.conditions(), c -> c.sourceKey, f -> f.sourceKey(),
                (row, f) -> true, (row, f) -> {
                    row.sourceKey = f.sourceKey();
                    row.codeSystem = f.system();
                    row.code = f.code();
                    row.display = f.display();
                    row.active = f.active();
                    row.onset = f.onset();
                }, ConditionEntity::new, history);
        ChildMerge.merge(patient, patient.medications, record.medications(), m -> m.sourceKey, f -> f.sourceKey(),
                (row, f) -> true, (row, f) -> {
                    row.sourceKey = f.sourceKey();
                    row.rxnorm = f.rxnorm();
                    row.display = f.display();
                    row.active = f.active();
                    row.startDate = f.start();
                }, MedicationEntity::new, history);
        ChildMerge.merge(patient, patient.labs, record.labs(), l -> l.sourceKey, f -> f.sourceKey(),
                (row, f) -> true, (row, f) -> {
                    row.sourceKey = f.sourceKey();
                    row.loinc = f.loinc();
                    row.display = f.display();
                    row.value = f.value();
                    row.unit = f.unit();
                    row.effectiveAt = f.effectiveAt();
                }, LabResultEntity::new, history);
        ChildMerge.merge(patient, patient.allergies, record.allergies(), a -> a.sourceKey, f -> f.sourceKey(),
                (row, f) -> true, (row, f) -> {
                    row.sourceKey = f.sourceKey();
                    row.codeSystem = f.system();
                    row.code = f.code();
                    row.display = f.display();
                    row.active = f.active();
                }, AllergyEntity::new, history);
    }

    /** Identifiers are only ever added: an old MRN still identifies the patient. */
    private static void identifiers(PatientEntity patient, PatientRecord record) {
        for (ExternalId id : record.identifiers()) {
            boolean known = patient.identifiers.stream()
                    .anyMatch(e -> e.kind == id.kind() && e.system.equals(id.system()) && e.value.equals(id.value()));
            if (!known) {
                IdentifierEntity entity = new IdentifierEntity();
                entity.patient = patient;
                entity.kind = id.kind();
                entity.system = id.system();
                entity.value = id.value();
                patient.identifiers.add(entity);
            }
        }
    }

    private static void demographics(PatientEntity p, Demographics d, boolean replace) {
        if (replace || d.birthDate() != null) {
            p.birthDate = d.birthDate();
        }
        if (replace || d.sexAtBirth() != null) {
            p.sexAtBirth = d.sexAtBirth();
            p.sexFromAdministrativeGender = d.sexFromAdministrativeGender();
        }
        if (replace || d.ancestry() != null) {
            p.ancestry = d.ancestry();
        }
        if (replace || newer(d.heightCm(), p.heightObservedAt, p.heightCm)) {
            p.heightCm = d.heightCm() == null ? null : d.heightCm().value();
            p.heightObservedAt = d.heightCm() == null ? null : d.heightCm().observedAt();
        }
        if (replace || newer(d.weightKg(), p.weightObservedAt, p.weightKg)) {
            p.weightKg = d.weightKg() == null ? null : d.weightKg().value();
            p.weightObservedAt = d.weightKg() == null ? null : d.weightKg().observedAt();
        }
    }

    private static void lifestyle(PatientEntity p, Lifestyle l, boolean replace) {
        if (!replace && olderThan(l.observedAt(), p.lifestyleObservedAt)) {
            return;
        }
        if (replace || l.smoking() != null) {
            p.smoking = l.smoking();
        }
        if (replace || l.packYears() != null) {
            p.packYears = l.packYears();
        }
        if (replace || l.alcoholUnitsPerWeek() != null) {
            p.alcoholUnitsPerWeek = l.alcoholUnitsPerWeek();
        }
        if (replace || l.activity() != null) {
            p.physicalActivity = l.activity();
        }
        if (replace || !l.dietFlags().isEmpty()) {
            p.highVitaminKIntake = l.dietFlags().contains(Lifestyle.DietFlag.HIGH_VITAMIN_K_INTAKE);
            p.grapefruit = l.dietFlags().contains(Lifestyle.DietFlag.GRAPEFRUIT);
        }
        if (replace || l.observedAt() != null) {
            p.lifestyleObservedAt = l.observedAt();
        }
    }

    /** Keeps the reported time of an unchanged call, so that a re-import writes nothing. */
    private static void applyGenetic(GeneticResultEntity row, GeneticCall call, Instant now) {
        String diplotype = call.diplotype() == null || call.diplotype().isBlank()
                ? null : DiplotypeNormalizer.normalize(call.gene(), call.diplotype());
        boolean same = row.gene != null
                && Objects.equals(row.diplotype, diplotype)
                && Objects.equals(row.reportedPhenotype, call.reportedPhenotype())
                && Objects.equals(row.reportedActivityScore, call.reportedActivityScore())
                && row.source == call.source();
        if (same && (call.reportedAt() == null || call.reportedAt().equals(row.reportedAt))) {
            return;
        }
        row.gene = gene(call.gene());
        row.diplotype = diplotype;
        row.reportedPhenotype = call.reportedPhenotype();
        row.reportedActivityScore = call.reportedActivityScore();
        row.source = call.source();
        row.reportedAt = call.reportedAt() != null ? call.reportedAt() : now;
    }

    private static String gene(String gene) {
        return gene.strip().toUpperCase(Locale.ROOT);
    }

    private static boolean newer(Measurement incoming, Instant storedAt, Double storedValue) {
        return incoming != null && (storedValue == null || !olderThan(incoming.observedAt(), storedAt));
    }

    /** True only when both times are known and the incoming one is earlier. */
    private static boolean olderThan(Instant incoming, Instant stored) {
        return incoming != null && stored != null && incoming.isBefore(stored);
    }
}
