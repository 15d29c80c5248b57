package org.precisionrx.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;

/**
 * One simulated patient as a FHIR R4 transaction bundle in the shape the patient-profile service imports
 * (see patient-profile-service/src/test/resources/fhir/adult-pgx-bundle.json). Entry ids are name-based
 * UUIDs of the MRN, so bundles are reproducible.
 */
public final class FhirBundleBuilder {

    static final String LOINC = "http://loinc.org";
    static final String SNOMED = "http://snomed.info/sct";
    static final String UCUM = "http://unitsofmeasure.org";
    static final String HGNC = "http://www.genenames.org/geneId";
    static final String MRN_SYSTEM = "urn:precisionrx:simulator:mrn";

    private final LocalDate asOf;

    /** @param asOf date the record describes: ages are as of this date, observations dated shortly before */
    public FhirBundleBuilder(LocalDate asOf) {
        this.asOf = asOf;
    }

    public Bundle build(CohortRow row, boolean onIndicationDrug) {
        org.precisionrx.simulator.Patient p = row.patient();
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        String subject = add(bundle, p, 0, patient(p));
        int n = 1;
        n = add(bundle, p, n, vital(subject, "29463-7", "Body weight", p.weightKg(), "kg", "kg"));
        n = add(bundle, p, n, vital(subject, "8302-2", "Body height", p.heightCm(), "cm", "cm"));
        n = add(bundle, p, n, lab(subject, "2160-0", "Creatinine [Mass/volume] in Serum or Plasma", p.creatinine(),
                "mg/dL", "mg/dL", 2));
        n = add(bundle, p, n, lab(subject, "98979-8", "Glomerular filtration rate/1.73 sq M.predicted [Volume Rate/Area] "
                + "in Serum, Plasma or Blood by Creatinine-based formula (CKD-EPI 2021)", p.egfr(),
                "mL/min/{1.73_m2}", "mL/min/{1.73_m2}", 1));
        if (p.pgxTested()) {
            for (Gene g : Gene.values()) {
                n = add(bundle, p, n, genotype(subject, g, p.genotypes().get(g).diplotype()));
            }
        }
        Observation smoking = observation(subject, "social-history", "72166-2", "Tobacco smoking status");
        smoking.setValue(new CodeableConcept(new Coding(SNOMED, p.smoking().snomed, p.smoking().display)));
        n = add(bundle, p, n, smoking);
        Observation alcohol = observation(subject, "social-history", "74013-4", "Alcoholic drinks per day");
        double drinksPerDay = p.alcoholUnitsWeek() / 7.0 / 1.75; // UK units (8 g) to US standard drinks (14 g)
        alcohol.setValue(quantity(drinksPerDay, 1, "drinks/day", "{drinks}/d"));
        n = add(bundle, p, n, alcohol);
        if (!p.has(Comorbidity.ATRIAL_FIBRILLATION) || p.indication() != Indication.AF_STROKE_PREVENTION) {
            n = add(bundle, p, n, condition(subject, p.indication().snomed, p.indication().display, true));
        }
        for (Comorbidity c : Comorbidity.values()) {
            if (p.has(c)) {
                boolean history = c == Comorbidity.PRIOR_MAJOR_BLEED || c == Comorbidity.PRIOR_STROKE;
                n = add(bundle, p, n, condition(subject, c.snomed, c.display, !history));
            }
        }
        if (p.amiodarone()) {
            n = add(bundle, p, n, medication(subject, RxNorm.AMIODARONE, "amiodarone"));
        }
        if (p.omeprazole()) {
            n = add(bundle, p, n, medication(subject, RxNorm.OMEPRAZOLE, "omeprazole"));
        }
        if (p.strongCyp3a4Inhibitor()) {
            n = add(bundle, p, n, medication(subject, RxNorm.CLARITHROMYCIN, "clarithromycin"));
        }
        if (onIndicationDrug) {
            String arm = p.indication().arms.get(row.treatment());
            add(bundle, p, n, medication(subject, RxNorm.of(arm), arm));
        }
        return bundle;
    }

    private Patient patient(org.precisionrx.simulator.Patient p) {
        Patient r = new Patient();
        Extension race = new Extension("http://hl7.org/fhir/us/core/StructureDefinition/us-core-race");
        race.addExtension("ombCategory", new Coding("urn:oid:2.16.840.1.113883.6.238", p.ancestry().cdcCode,
                p.ancestry().display));
        race.addExtension("text", new StringType(p.ancestry().display));
        r.addExtension(race);
        r.addExtension("http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex",
                new CodeType(p.isFemale() ? "F" : "M"));
        r.addIdentifier().setSystem(MRN_SYSTEM).setValue(p.mrn()).getType()
                .addCoding(new Coding("http://terminology.hl7.org/CodeSystem/v2-0203", "MR", "Medical Record Number"));
        r.addName().setFamily("Simulated").addGiven(p.mrn());
        r.setGender(p.isFemale() ? AdministrativeGender.FEMALE : AdministrativeGender.MALE);
        int dayOfYear = 1 + Math.floorMod(p.mrn().hashCode(), 364); // reproducible birthday
        LocalDate birth = asOf.minusYears(p.age()).minusDays(dayOfYear);
        r.setBirthDateElement(new DateType(birth.toString()));
        return r;
    }

    private Observation vital(String subject, String code, String display, double value, String unit, String ucum) {
        Observation o = observation(subject, "vital-signs", code, display);
        o.setValue(quantity(value, 1, unit, ucum));
        return o;
    }

    private Observation lab(String subject, String code, String display, double value, String unit, String ucum,
            int decimals) {
        Observation o = observation(subject, "laboratory", code, display);
        o.setValue(quantity(value, decimals, unit, ucum));
        return o;
    }

    private Observation genotype(String subject, Gene gene, String diplotype) {
        Observation o = observation(subject, "laboratory", "84413-4", "Genotype display name");
        o.addComponent().setCode(new CodeableConcept(new Coding(LOINC, "48018-6", "Gene studied [ID]")))
                .setValue(new CodeableConcept(new Coding(HGNC, gene.hgnc, gene.name())));
        o.setValue(new CodeableConcept().setText(diplotype));
        o.setEffective(new DateTimeType(asOf.minusYears(1).toString()));
        return o;
    }

    private Observation observation(String subject, String category, String code, String display) {
        Observation o = new Observation().setStatus(Observation.ObservationStatus.FINAL);
        o.addCategory().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/observation-category", category, null));
        o.setCode(new CodeableConcept(new Coding(LOINC, code, display)));
        o.setSubject(new Reference(subject));
        o.setEffective(new DateTimeType(asOf.minusDays(14).toString()));
        return o;
    }

    private Condition condition(String subject, String code, String display, boolean active) {
        Condition c = new Condition();
        c.setClinicalStatus(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/condition-clinical", active ? "active" : "resolved", null)));
        c.setVerificationStatus(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed", null)));
        c.setCode(new CodeableConcept(new Coding(SNOMED, code, display)));
        c.setSubject(new Reference(subject));
        c.setOnset(new DateTimeType(asOf.minusYears(2).toString()));
        return c;
    }

    private MedicationRequest medication(String subject, String rxcui, String name) {
        MedicationRequest m = new MedicationRequest();
        m.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE);
        m.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        m.setMedication(new CodeableConcept(new Coding(RxNorm.SYSTEM, rxcui, name)));
        m.setSubject(new Reference(subject));
        m.setAuthoredOnElement(new DateTimeType(asOf.minusMonths(3).toString()));
        return m;
    }

    private static Quantity quantity(double value, int decimals, String unit, String ucum) {
        return new Quantity().setValue(BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP))
                .setUnit(unit).setSystem(UCUM).setCode(ucum);
    }

    /** Adds an entry POSTed to its resource type; returns the next entry number. */
    private static int add(Bundle bundle, org.precisionrx.simulator.Patient p, int n, Resource resource) {
        bundle.addEntry().setFullUrl(fullUrl(p, n)).setResource(resource).getRequest()
                .setMethod(Bundle.HTTPVerb.POST).setUrl(resource.fhirType());
        return n + 1;
    }

    private static String add(Bundle bundle, org.precisionrx.simulator.Patient p, int n, Patient resource) {
        add(bundle, p, n, (Resource) resource);
        return fullUrl(p, n);
    }

    static String fullUrl(org.precisionrx.simulator.Patient p, int n) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes((p.mrn() + "#" + n).getBytes(StandardCharsets.UTF_8));
    }
}
