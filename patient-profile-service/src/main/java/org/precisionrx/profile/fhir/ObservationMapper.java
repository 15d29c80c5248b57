package org.precisionrx.profile.fhir;

import static org.precisionrx.profile.fhir.FhirValues.LOINC;
import static org.precisionrx.profile.fhir.FhirValues.hasCode;

import java.time.Instant;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Quantity;
import org.precisionrx.profile.ingest.LabFact;

/** Routes an Observation to the mapper for its kind (by LOINC code); quantitative labs are read here. */
final class ObservationMapper {

    /** Only results that were actually reported; registered/cancelled/entered-in-error say nothing. */
    private static final Set<ObservationStatus> USABLE = Set.of(
            ObservationStatus.FINAL, ObservationStatus.AMENDED, ObservationStatus.CORRECTED, ObservationStatus.PRELIMINARY);

    private final BodyMeasureMapper bodyMeasures = new BodyMeasureMapper();
    private final LifestyleMapper lifestyle = new LifestyleMapper();
    private final GenomicsMapper genomics = new GenomicsMapper();

    void map(PayloadEntry entry, PatientRecordBuilder out, Skips skips) {
        Observation o = (Observation) entry.resource();
        if (!USABLE.contains(o.getStatus())) {
            skips.add("Observation (" + (o.getStatus() == null ? "no status" : o.getStatus().toCode()) + ")");
            return;
        }
        CodeableConcept code = o.getCode();
        Instant at = observedAt(o);
        if (hasCode(code, LOINC, BodyMeasureMapper.BODY_WEIGHT)) {
            bodyMeasures.weight(entry, o, at, out);
        } else if (hasCode(code, LOINC, BodyMeasureMapper.BODY_HEIGHT)) {
            bodyMeasures.height(entry, o, at, out);
        } else if (hasCode(code, LOINC, LifestyleMapper.SMOKING_STATUS)) {
            lifestyle.smoking(entry, o, at, out);
        } else if (hasCode(code, LOINC, LifestyleMapper.ALCOHOLIC_DRINKS_PER_DAY)) {
            lifestyle.alcohol(entry, o, at, out);
        } else if (hasCode(code, LOINC, GenomicsMapper.GENOTYPE)) {
            genomics.genotype(entry, o, at, out);
        } else if (hasCode(code, LOINC, GenomicsMapper.DRUG_METABOLISM_EFFECT)) {
            genomics.phenotype(entry, o, at, out);
        } else if (isLaboratory(o) && o.hasValueQuantity()) {
            lab(entry, o, at, out, skips);
        } else {
            skips.add("Observation"); // vital signs we do not use, qualitative labs, surveys, ...
        }
    }

    /** effective[x] (a Period counts from its start), else issued. */
    static Instant observedAt(Observation o) {
        Instant effective = FhirValues.instant(o.getEffective());
        return effective != null ? effective : o.hasIssued() ? o.getIssued().toInstant() : null;
    }

    private static boolean isLaboratory(Observation o) {
        return o.getCategory().stream().anyMatch(c -> c.getCoding().stream()
                .anyMatch(coding -> "laboratory".equals(coding.getCode())));
    }

    private static void lab(PayloadEntry entry, Observation o, Instant at, PatientRecordBuilder out, Skips skips) {
        Coding loinc = FhirValues.coding(o.getCode(), LOINC);
        if (loinc == null) {
            skips.add("Observation (no LOINC code)"); // the profile keys labs by LOINC
            return;
        }
        Quantity q = o.getValueQuantity();
        String unit = unit(q);
        if (!q.hasValue()) {
            out.problem(entry, "valueQuantity.value", "lab result has no value");
        } else if (unit == null) {
            out.problem(entry, "valueQuantity.unit", "lab result has no unit");
        } else {
            String key = out.sourceKey(entry);
            if (key == null) {
                return;
            }
            String display = loinc.hasDisplay() ? loinc.getDisplay() : FhirValues.text(o.getCode());
            out.labs.add(new LabFact(key, loinc.getCode(), display, q.getValue().doubleValue(), unit, at));
        }
    }

    /** The UCUM code when the quantity is coded in UCUM, else the human unit text; null if neither. */
    static String unit(Quantity q) {
        if (FhirValues.UCUM.equals(q.getSystem()) && q.hasCode()) {
            return q.getCode();
        }
        return q.hasUnit() ? q.getUnit() : q.hasCode() ? q.getCode() : null;
    }
}
