package org.precisionrx.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FhirExportTest {

    private static final FhirContext FHIR = FhirContext.forR4();

    private static Bundle parse(Path file) throws IOException {
        return FHIR.newJsonParser().parseResource(Bundle.class, Files.readString(file));
    }

    private static Map<String, Long> counts(Bundle b) {
        return b.getEntry().stream().collect(Collectors.groupingBy(e -> e.getResource().fhirType(), Collectors.counting()));
    }

    @Test
    void bundlesParseAndCarryTheExpectedResources(@TempDir Path dir) throws IOException {
        List<CohortRow> rows = new CohortSimulator().demoPatients(40, 5, null);
        List<Path> files = new FhirExport(FhirExport.DEFAULT_AS_OF).write(rows, dir);
        for (int i = 0; i < rows.size(); i++) {
            Patient p = rows.get(i).patient();
            assertThat(files.get(i).getFileName().toString()).isEqualTo(p.mrn() + ".json");
            Bundle b = parse(files.get(i));
            assertThat(b.getType()).isEqualTo(Bundle.BundleType.TRANSACTION);
            boolean afIsIndication = p.indication() == Indication.AF_STROKE_PREVENTION;
            long conditions = p.conditions().size() + (afIsIndication ? 0 : 1);
            long meds = (p.amiodarone() ? 1 : 0) + (p.omeprazole() ? 1 : 0) + (p.strongCyp3a4Inhibitor() ? 1 : 0)
                    + (FhirExport.onIndicationDrug(i) ? 1 : 0);
            Map<String, Long> c = counts(b);
            assertThat(c.get("Patient")).isEqualTo(1);
            assertThat(c.get("Observation")).isEqualTo(6 + (p.pgxTested() ? 6 : 0));
            assertThat(c.get("Condition")).isEqualTo(conditions);
            assertThat(c.getOrDefault("MedicationRequest", 0L)).isEqualTo(meds);
            assertThat(b.getEntry()).allSatisfy(e -> {
                assertThat(e.getFullUrl()).startsWith("urn:uuid:");
                assertThat(e.getRequest().getMethod()).isEqualTo(Bundle.HTTPVerb.POST);
            });
        }
        assertThat(rows).extracting(r -> r.patient().indication()).containsAll(List.of(Indication.values()));
    }

    @Test
    void oneTestedPatientHasPatientLabsGenotypesLifestyleConditionsAndMedications(@TempDir Path dir) throws IOException {
        CohortRow row = new CohortSimulator().demoPatients(30, 9, Indication.ACS_PCI).stream()
                .filter(r -> r.patient().pgxTested()).findFirst().orElseThrow();
        Patient p = row.patient();
        Bundle b = parse(new FhirExport(FhirExport.DEFAULT_AS_OF).write(List.of(row), dir).get(0));

        org.hl7.fhir.r4.model.Patient patient = (org.hl7.fhir.r4.model.Patient) b.getEntryFirstRep().getResource();
        assertThat(patient.getIdentifierFirstRep().getValue()).isEqualTo(p.mrn());
        assertThat(patient.getIdentifierFirstRep().getType().getCodingFirstRep().getCode()).isEqualTo("MR");
        assertThat(patient.getExtensionByUrl("http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex")
                .getValue().primitiveValue()).isEqualTo(p.isFemale() ? "F" : "M");
        Coding omb = (Coding) patient.getExtensionByUrl("http://hl7.org/fhir/us/core/StructureDefinition/us-core-race")
                .getExtensionByUrl("ombCategory").getValue();
        assertThat(omb.getCode()).isEqualTo(p.ancestry().cdcCode);

        Map<String, List<Observation>> byCode = b.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Observation.class::isInstance).map(Observation.class::cast)
                .collect(Collectors.groupingBy(o -> o.getCode().getCodingFirstRep().getCode()));
        assertThat(byCode.keySet()).contains("29463-7", "8302-2", "2160-0", "98979-8", "84413-4", "72166-2", "74013-4");
        Observation creatinine = byCode.get("2160-0").get(0);
        assertThat(creatinine.getValueQuantity().getValue().doubleValue()).isEqualTo(p.creatinine());
        assertThat(creatinine.getValueQuantity().getCode()).isEqualTo("mg/dL");
        assertThat(byCode.get("29463-7").get(0).getValueQuantity().getValue().doubleValue()).isEqualTo(p.weightKg());
        assertThat(byCode.get("72166-2").get(0).getValueCodeableConcept().getCodingFirstRep().getCode())
                .isEqualTo(p.smoking().snomed);

        Map<String, String> diplotypes = byCode.get("84413-4").stream().collect(Collectors.toMap(
                o -> ((CodeableConcept) o.getComponentFirstRep().getValue()).getCodingFirstRep().getDisplay(),
                o -> o.getValueCodeableConcept().getText()));
        assertThat(byCode.get("84413-4")).allSatisfy(o -> {
            assertThat(o.getComponentFirstRep().getCode().getCodingFirstRep().getCode()).isEqualTo("48018-6");
            assertThat(((CodeableConcept) o.getComponentFirstRep().getValue()).getCodingFirstRep().getSystem())
                    .isEqualTo("http://www.genenames.org/geneId");
        });
        for (Gene g : Gene.values()) {
            assertThat(diplotypes.get(g.name())).isEqualTo(p.genotypes().get(g).diplotype());
        }

        List<String> conditionCodes = b.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Condition.class::isInstance).map(r -> ((Condition) r).getCode().getCodingFirstRep().getCode()).toList();
        assertThat(conditionCodes).contains("394659003");
        for (Comorbidity c : p.conditions()) {
            assertThat(conditionCodes).contains(c.snomed);
        }
        Map<String, MedicationRequest> meds = b.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(MedicationRequest.class::isInstance).map(MedicationRequest.class::cast)
                .collect(Collectors.toMap(m -> m.getMedicationCodeableConcept().getCodingFirstRep().getCode(), Function.identity()));
        assertThat(meds.containsKey(RxNorm.OMEPRAZOLE)).isEqualTo(p.omeprazole());
        assertThat(meds.containsKey(RxNorm.AMIODARONE)).isEqualTo(p.amiodarone());
        assertThat(meds.containsKey(RxNorm.of(p.indication().arms.get(row.treatment())))).isTrue(); // index 0 is on its drug
    }

    @Test
    void untestedPatientsHaveNoGenotypeObservations() {
        CohortRow row = new CohortSimulator().demoPatients(60, 9, null).stream()
                .filter(r -> !r.patient().pgxTested()).findFirst().orElseThrow();
        Bundle b = new FhirExport(FhirExport.DEFAULT_AS_OF).bundle(row, 0);
        assertThat(b.getEntry()).noneMatch(e -> e.getResource() instanceof Observation o
                && o.getCode().getCodingFirstRep().getCode().equals("84413-4"));
    }
}
