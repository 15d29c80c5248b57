package org.precisionrx.profile.fhir;

import static org.precisionrx.profile.fhir.FhirValues.isLater;
import static org.precisionrx.profile.fhir.FhirValues.later;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.precisionrx.profile.ingest.AllergyFact;
import org.precisionrx.profile.ingest.ConditionFact;
import org.precisionrx.profile.ingest.Demographics;
import org.precisionrx.profile.ingest.ExternalId;
import org.precisionrx.profile.ingest.GeneticCall;
import org.precisionrx.profile.ingest.HlaCall;
import org.precisionrx.profile.ingest.ImportProblem;
import org.precisionrx.profile.ingest.LabFact;
import org.precisionrx.profile.ingest.Lifestyle;
import org.precisionrx.profile.ingest.Measurement;
import org.precisionrx.profile.ingest.MedicationFact;
import org.precisionrx.profile.ingest.PatientRecord;

/**
 * Collects what the mappers read for one patient. Where FHIR may state a fact several times (weight,
 * smoking status, a gene's genotype) the value with the latest time wins. Genetic calls and HLA calls are
 * kept sorted by gene / allele so equal payloads give equal records regardless of resource order.
 */
final class PatientRecordBuilder {

    final List<ExternalId> identifiers = new ArrayList<>();
    LocalDate birthDate;
    Demographics.SexAtBirth sexAtBirth;
    boolean sexFromAdministrativeGender;
    Demographics.Ancestry ancestry;
    private Measurement heightCm;
    private Measurement weightKg;

    private boolean lifestyleStated;
    private Lifestyle.SmokingStatus smoking;
    private Instant smokingAt;
    private Double alcoholUnitsPerWeek;
    private Instant alcoholAt;
    private Instant lifestyleAt;

    /** Per gene: latest diplotype and latest reported phenotype, each with its own time. */
    private static final class GeneSlot {
        String diplotype;
        Instant diplotypeAt;
        String phenotype;
        Instant phenotypeAt;
    }

    private final Map<String, GeneSlot> genes = new TreeMap<>();
    private final Map<String, HlaCall> hla = new TreeMap<>();
    final List<ConditionFact> conditions = new ArrayList<>();
    final List<MedicationFact> medications = new ArrayList<>();
    final List<LabFact> labs = new ArrayList<>();
    final List<AllergyFact> allergies = new ArrayList<>();
    final List<ImportProblem> problems = new ArrayList<>();

    void problem(PayloadEntry entry, String field, String reason) {
        problems.add(new ImportProblem(entry.ref(), field, reason));
    }

    /**
     * Key that makes re-imports idempotent: {@code Type/id}, else the entry's fullUrl; without either the
     * fact could not be matched on the next import, which is reported as a problem (returns null).
     */
    String sourceKey(PayloadEntry entry) {
        if (entry.id() != null) {
            return entry.type() + "/" + entry.id();
        }
        if (entry.fullUrl() != null) {
            return entry.fullUrl();
        }
        problem(entry, "id", "resource has no id, so a re-import could not be matched to it");
        return null;
    }

    void weightKg(double kg, Instant at) {
        if (weightKg == null || isLater(at, weightKg.observedAt())) {
            weightKg = new Measurement(kg, at);
        }
    }

    void heightCm(double cm, Instant at) {
        if (heightCm == null || isLater(at, heightCm.observedAt())) {
            heightCm = new Measurement(cm, at);
        }
    }

    void smoking(Lifestyle.SmokingStatus status, Instant at) {
        lifestyleStated = true;
        lifestyleAt = later(lifestyleAt, at);
        if (smoking == null || isLater(at, smokingAt)) {
            smoking = status;
            smokingAt = at;
        }
    }

    void alcoholUnitsPerWeek(double units, Instant at) {
        lifestyleStated = true;
        lifestyleAt = later(lifestyleAt, at);
        if (alcoholUnitsPerWeek == null || isLater(at, alcoholAt)) {
            alcoholUnitsPerWeek = units;
            alcoholAt = at;
        }
    }

    void diplotype(String gene, String diplotype, Instant at) {
        GeneSlot slot = genes.computeIfAbsent(gene, g -> new GeneSlot());
        if (slot.diplotype == null || isLater(at, slot.diplotypeAt)) {
            slot.diplotype = diplotype;
            slot.diplotypeAt = at;
        }
    }

    void phenotype(String gene, String phenotype, Instant at) {
        GeneSlot slot = genes.computeIfAbsent(gene, g -> new GeneSlot());
        if (slot.phenotype == null || isLater(at, slot.phenotypeAt)) {
            slot.phenotype = phenotype;
            slot.phenotypeAt = at;
        }
    }

    void hla(String allele, boolean carrier, Instant at) {
        HlaCall current = hla.get(allele);
        if (current == null || isLater(at, current.reportedAt())) {
            hla.put(allele, new HlaCall(allele, carrier, GeneticCall.GeneticSource.FHIR, at));
        }
    }

    PatientRecord build(String sourceRef) {
        return new PatientRecord(sourceRef, identifiers, demographics(), lifestyle(), genetics(),
                new ArrayList<>(hla.values()), conditions, medications, labs, allergies);
    }

    /** Null when the payload states no demographic fact at all (e.g. a referenced-only patient). */
    private Demographics demographics() {
        if (birthDate == null && sexAtBirth == null && ancestry == null && heightCm == null && weightKg == null) {
            return null;
        }
        return new Demographics(birthDate, sexAtBirth, sexFromAdministrativeGender, ancestry, heightCm, weightKg);
    }

    /** Pack-years, activity and diet are not read from FHIR (no confirmed LOINC code / no agreed coding yet). */
    private Lifestyle lifestyle() {
        return lifestyleStated ? new Lifestyle(smoking, null, alcoholUnitsPerWeek, null, Set.of(), lifestyleAt) : null;
    }

    /** A call's time is its genotype's time; a phenotype-only call takes the phenotype's time. */
    private List<GeneticCall> genetics() {
        List<GeneticCall> calls = new ArrayList<>();
        genes.forEach((gene, slot) -> calls.add(new GeneticCall(gene, slot.diplotype, slot.phenotype, null,
                GeneticCall.GeneticSource.FHIR, slot.diplotype != null ? slot.diplotypeAt : slot.phenotypeAt)));
        return calls;
    }
}
