package org.precisionrx.profile.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.precisionrx.profile.ingest.AllergyFact;
import org.precisionrx.profile.ingest.ConditionFact;
import org.precisionrx.profile.ingest.Demographics;
import org.precisionrx.profile.ingest.Demographics.Ancestry;
import org.precisionrx.profile.ingest.Demographics.SexAtBirth;
import org.precisionrx.profile.ingest.ExternalId;
import org.precisionrx.profile.ingest.ExternalId.Kind;
import org.precisionrx.profile.ingest.GeneticCall;
import org.precisionrx.profile.ingest.HlaCall;
import org.precisionrx.profile.ingest.ImportProblem;
import org.precisionrx.profile.ingest.LabFact;
import org.precisionrx.profile.ingest.Lifestyle;
import org.precisionrx.profile.ingest.Measurement;
import org.precisionrx.profile.ingest.MedicationFact;
import org.precisionrx.profile.ingest.PatientRecord;

class FhirPayloadReaderTest {

    static final FhirContext CTX = FhirContext.forR4();
    static final String SERVER = "https://fhir.example.org/r4";
    static final String SNOMED = "http://snomed.info/sct";
    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    static final Instant VISIT = Instant.parse("2024-05-02T09:30:00Z");
    static final Instant LAB_DRAW = Instant.parse("2024-04-28T07:15:00Z");
    static final Instant GENOTYPED = Instant.parse("2023-11-20T00:00:00Z");

    final FhirPayloadReader reader =
            new FhirPayloadReader(CTX, Clock.fixed(Instant.parse("2025-01-15T12:00:00Z"), ZoneOffset.UTC));

    static String resource(String name) throws IOException {
        try (InputStream in = FhirPayloadReaderTest.class.getResourceAsStream("/fhir/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static PatientRecord expectedAdult() {
        GeneticCall.GeneticSource fhir = GeneticCall.GeneticSource.FHIR;
        return new PatientRecord(
                "Patient/pgx-adult-1",
                List.of(new ExternalId(Kind.FHIR_ID, SERVER, "pgx-adult-1"),
                        new ExternalId(Kind.MRN, "urn:oid:1.2.36.146.595.217.0.1", "MRN-1001")),
                new Demographics(LocalDate.of(1958, 3, 14), SexAtBirth.MALE, false, Ancestry.WHITE,
                        new Measurement(178.0, VISIT), new Measurement(82.5, VISIT)),
                new Lifestyle(Lifestyle.SmokingStatus.FORMER, null, 24.5, null, Set.of(), VISIT),
                List.of(new GeneticCall("CYP2C19", "*2/*1", "Intermediate metabolizer", null, fhir, GENOTYPED),
                        new GeneticCall("CYP2C9", "*1/*3", null, null, fhir, GENOTYPED),
                        new GeneticCall("CYP2D6", "*1/*4", null, null, fhir, GENOTYPED),
                        new GeneticCall("SLCO1B1", "*1/*5", null, null, fhir, GENOTYPED),
                        new GeneticCall("VKORC1", "rs9923231 C/T", null, null, fhir, GENOTYPED)),
                List.of(new HlaCall("HLA-B*57:01", false, fhir, GENOTYPED)),
                List.of(new ConditionFact("Condition/cond-af", SNOMED, "49436004", "Atrial fibrillation", true,
                                LocalDate.of(2019, 6, 1)),
                        new ConditionFact("Condition/cond-ckd3", SNOMED, "433144002", "Chronic kidney disease stage 3",
                                true, LocalDate.of(2021, 2, 10))),
                List.of(new MedicationFact("MedicationRequest/medreq-warfarin", "855332",
                                "Warfarin Sodium 5 MG Oral Tablet", true, LocalDate.of(2019, 6, 15)),
                        new MedicationFact("MedicationRequest/medreq-atorvastatin", "617310",
                                "atorvastatin 20 MG Oral Tablet", true, LocalDate.of(2020, 1, 20)),
                        new MedicationFact("MedicationStatement/medstmt-omeprazole", "7646", "omeprazole", false,
                                LocalDate.of(2022, 3, 1))),
                List.of(lab("obs-creatinine", "2160-0", "Creatinine [Mass/volume] in Serum or Plasma", 1.2, "mg/dL"),
                        lab("obs-egfr", "98979-8", "Glomerular filtration rate/1.73 sq M.predicted [Volume Rate/Area] "
                                + "in Serum, Plasma or Blood by Creatinine-based formula (CKD-EPI 2021)", 62, "mL/min/{1.73_m2}"),
                        lab("obs-inr", "6301-6", "INR in Platelet poor plasma by Coagulation assay", 2.4, "{INR}"),
                        lab("obs-alt", "1742-6", "Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma",
                                32, "U/L"),
                        lab("obs-ast", "1920-8", "Aspartate aminotransferase [Enzymatic activity/volume] in Serum or Plasma",
                                28, "U/L"),
                        lab("obs-potassium", "2823-3", "Potassium [Moles/volume] in Serum or Plasma", 4.3, "mmol/L"),
                        lab("obs-platelets", "777-3", "Platelets [#/volume] in Blood by Automated count", 250, "10*3/uL")),
                List.of(new AllergyFact("AllergyIntolerance/allergy-penicillin", RXNORM, "7980", "penicillin G", true)));
    }

    static LabFact lab(String id, String loinc, String display, double value, String unit) {
        return new LabFact("Observation/" + id, loinc, display, value, unit, LAB_DRAW);
    }

    @Test
    void adultTransactionBundleGivesExactlyTheExpectedRecord() throws IOException {
        FhirImport result = reader.read(resource("adult-pgx-bundle.json"), PayloadFormat.BUNDLE, SERVER);

        assertThat(result.skippedByType()).isEqualTo(Map.of("Immunization", 1));
        assertThat(result.patients()).hasSize(1);
        PatientImport adult = result.patients().get(0);
        assertThat(adult.problems()).isEmpty();
        assertThat(adult.patientResourceIncluded()).isTrue();
        assertThat(adult.sourceRef()).isEqualTo("Patient/pgx-adult-1");
        assertThat(adult.record()).isEqualTo(expectedAdult());
    }

    @Test
    void autoDetectsTheBundle() throws IOException {
        FhirImport result = reader.read(resource("adult-pgx-bundle.json"), PayloadFormat.AUTO, SERVER);
        assertThat(result.patients()).singleElement().extracting(PatientImport::record).isEqualTo(expectedAdult());
    }

    @Test
    void ndjsonGivesTheSameRecordAsTheBundle() throws IOException {
        FhirImport bundle = reader.read(resource("adult-pgx-bundle.json"), PayloadFormat.BUNDLE, SERVER);
        FhirImport ndjson = reader.read(resource("adult-pgx.ndjson"), PayloadFormat.AUTO, SERVER);

        assertThat(ndjson.skippedByType()).isEqualTo(Map.of("Immunization", 1));
        assertThat(ndjson.patients()).hasSize(1);
        assertThat(ndjson.patients().get(0).record())
                .usingRecursiveComparison()
                .isEqualTo(bundle.patients().get(0).record());
        assertThat(ndjson.patients().get(0).record()).isEqualTo(expectedAdult());
    }

    @Test
    void privateIdentifiersAndNamesAreNotKept() throws IOException {
        PatientRecord record = reader.read(resource("adult-pgx-bundle.json"), PayloadFormat.BUNDLE, SERVER)
                .patients().get(0).record();
        assertThat(record.identifiers()).extracting(ExternalId::value).containsExactly("pgx-adult-1", "MRN-1001");
        assertThat(record.toString()).doesNotContain("999-00-1234", "S99901234", "Testperson", "Adam", "555-0100",
                "Example Street");
    }

    @Test
    void invalidPatientDoesNotAffectTheValidOne() throws IOException {
        FhirImport result = reader.read(resource("two-patients-one-invalid.json"), PayloadFormat.AUTO, null);

        assertThat(result.patients()).extracting(PatientImport::sourceRef).containsExactly("Patient/pat-a", "Patient/pat-b");
        PatientImport a = result.patients().get(0);
        assertThat(a.problems()).isEmpty();
        assertThat(a.record().identifiers())
                .containsExactly(new ExternalId(Kind.FHIR_ID, FhirPayloadReader.DEFAULT_SOURCE_SYSTEM, "pat-a"));
        assertThat(a.record().demographics()).isEqualTo(new Demographics(LocalDate.of(1980, 7, 1), SexAtBirth.FEMALE,
                true, null, null, new Measurement(64.2, Instant.parse("2024-03-01T10:00:00Z"))));

        PatientImport b = result.patients().get(1);
        assertThat(b.record()).isNull();
        assertThat(b.patientResourceIncluded()).isTrue();
        assertThat(b.problems()).containsExactly(
                new ImportProblem("Observation/obs-b-weight", "valueQuantity.unit", "unit 'stone' cannot be converted to kg"),
                new ImportProblem("Condition/cond-b-nocode", "code", "condition has no coded diagnosis"));
    }

    @Test
    void resourceForAPatientNotInThePayloadMakesAReferencedOnlyGroup() {
        String ndjson = """
                {"resourceType":"Condition","id":"c1","code":{"coding":[{"system":"http://snomed.info/sct","code":"49436004"}]},"subject":{"reference":"https://other.example.org/fhir/Patient/ghost"}}
                {"resourceType":"Observation","id":"o1","status":"final","code":{"text":"x"},"subject":{"reference":"urn:uuid:0a0b"}}
                {"resourceType":"Observation","id":"o2","status":"entered-in-error","code":{"text":"x"},"subject":{"reference":"Patient/ghost"}}
                """;
        FhirImport result = reader.read(ndjson, PayloadFormat.NDJSON, SERVER);

        assertThat(result.skippedByType())
                .isEqualTo(Map.of("Observation (no patient)", 1, "Observation (entered-in-error)", 1));
        PatientImport ghost = result.patients().get(0);
        assertThat(result.patients()).hasSize(1);
        assertThat(ghost.patientResourceIncluded()).isFalse();
        assertThat(ghost.sourceRef()).isEqualTo("Patient/ghost");
        assertThat(ghost.record().identifiers()).containsExactly(new ExternalId(Kind.FHIR_ID, SERVER, "ghost"));
        assertThat(ghost.record().demographics()).isNull();
        assertThat(ghost.record().conditions()).containsExactly(
                new ConditionFact("Condition/c1", SNOMED, "49436004", null, true, null));
    }

    @Test
    void rejectsTextThatIsNotJson() {
        FhirPayloadException e = catchThrowableOfType(FhirPayloadException.class,
                () -> reader.read("hello, Smith", PayloadFormat.BUNDLE, null));
        assertThat(e.problems()).containsExactly(new ImportProblem("payload", null, "not a JSON object"));
        assertThat(e.getMessage()).doesNotContain("Smith");
    }

    @Test
    void rejectsEmptyObjectAndEmptyPayload() {
        assertThat(catchThrowableOfType(FhirPayloadException.class, () -> reader.read("{}", PayloadFormat.AUTO, null))
                .problems()).containsExactly(new ImportProblem("line 1", null, "JSON object has no resourceType"));
        assertThat(catchThrowableOfType(FhirPayloadException.class, () -> reader.read(" \n", PayloadFormat.AUTO, null))
                .problems()).containsExactly(new ImportProblem("payload", null, "payload is empty"));
    }

    @Test
    void rejectsMalformedBirthDateWithoutEchoingIt() {
        String patient = "{\"resourceType\":\"Patient\",\"id\":\"p1\",\"birthDate\":\"1958-13-45\"}";
        FhirPayloadException e = catchThrowableOfType(FhirPayloadException.class,
                () -> reader.read(patient, PayloadFormat.NDJSON, null));
        assertThat(e.problems()).containsExactly(new ImportProblem("Patient/p1 (line 1)", "birthDate", "not a valid date"));
        assertThat(e.getMessage()).contains("line 1", "birthDate").doesNotContain("1958");
    }

    @Test
    void namesTheBundleEntryWithAnInvalidValue() {
        String bundle = """
                {"resourceType":"Bundle","type":"collection","entry":[
                 {"fullUrl":"urn:uuid:1","resource":{"resourceType":"Patient","id":"p1"}},
                 {"fullUrl":"urn:uuid:2","resource":{"resourceType":"Observation","id":"o1","status":"final",
                  "code":{"text":"x"},"subject":{"reference":"urn:uuid:1"},"effectiveDateTime":"2024-02-30"}}]}
                """;
        FhirPayloadException e = catchThrowableOfType(FhirPayloadException.class,
                () -> reader.read(bundle, PayloadFormat.AUTO, null));
        assertThat(e.problems()).containsExactly(
                new ImportProblem("Observation/o1 (entry[1])", "effective", "not a valid dateTime"));
    }

    @Test
    void rejectsWrongJsonTypes() {
        String observation = "{\"resourceType\":\"Observation\",\"id\":\"o1\",\"valueQuantity\":\"82 kg\"}";
        FhirPayloadException e = catchThrowableOfType(FhirPayloadException.class,
                () -> reader.read(observation, PayloadFormat.NDJSON, null));
        assertThat(e.problems()).containsExactly(new ImportProblem("line 1", "valueQuantity",
                "wrong JSON type: expected object but found scalar (string)"));
        assertThat(e.getMessage()).doesNotContain("82");
    }

    @Test
    void rejectsAPrimitiveSentAsAnObjectInsteadOfDroppingIt() {
        String patient = "{\"resourceType\":\"Patient\",\"id\":\"p1\",\"gender\":{\"code\":\"male\"}}";
        FhirPayloadException e = catchThrowableOfType(FhirPayloadException.class,
                () -> reader.read(patient, PayloadFormat.NDJSON, null));
        assertThat(e.problems()).containsExactly(new ImportProblem("line 1", "code",
                "element is not part of FHIR R4 (unknown name, or a value of the wrong shape)"));
    }

    /** document Bundles are rejected: their meaning hangs on the Composition, which this import does not read. */
    @Test
    void rejectsDocumentBundle() {
        String document = "{\"resourceType\":\"Bundle\",\"type\":\"document\",\"entry\":[]}";
        assertThatThrownBy(() -> reader.read(document, PayloadFormat.BUNDLE, null))
                .isInstanceOf(FhirPayloadException.class)
                .hasMessageContaining("Bundle type 'document' is not accepted");
    }

    @Test
    void rejectsNdjsonWithABrokenLineNamingTheLine() {
        String ndjson = "{\"resourceType\":\"Patient\",\"id\":\"p1\"}\n"
                + "{\"resourceType\":\"Patient\",\"id\":\"p2\",\"name\":[{\"family\":\"Smith\"}],\"birthDate\":Smith}\n";
        FhirPayloadException e = catchThrowableOfType(FhirPayloadException.class,
                () -> reader.read(ndjson, PayloadFormat.AUTO, null));
        // The column is the JSON parser's own position, which varies between Jackson versions.
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.resource()).isEqualTo("line 2");
            assertThat(p.reason()).startsWith("not valid JSON at line 1, column ");
        });
        assertThat(e.getMessage()).contains("line 2").doesNotContain("Smith");
    }

    @Test
    void birthDateInTheFutureIsAPatientProblem() {
        String ndjson = "{\"resourceType\":\"Patient\",\"id\":\"p1\",\"birthDate\":\"2030-01-01\"}";
        PatientImport p = reader.read(ndjson, PayloadFormat.NDJSON, null).patients().get(0);
        assertThat(p.record()).isNull();
        assertThat(p.problems()).containsExactly(new ImportProblem("Patient/p1", "birthDate", "birth date is in the future"));
    }

    @Test
    void convertsUnitsReadsRaceVariantsAndHlaCarriers() {
        String race = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-race";
        String omb = "urn:oid:2.16.840.1.113883.6.238";
        String ndjson = String.join("\n",
                "{\"resourceType\":\"Patient\",\"id\":\"p1\",\"gender\":\"other\",\"extension\":[{\"url\":\"" + race
                        + "\",\"extension\":[{\"url\":\"ombCategory\",\"valueCoding\":{\"system\":\"" + omb + "\",\"code\":\"2106-3\"}},"
                        + "{\"url\":\"ombCategory\",\"valueCoding\":{\"system\":\"" + omb + "\",\"code\":\"2054-5\"}}]}]}",
                "{\"resourceType\":\"Patient\",\"id\":\"p2\",\"extension\":[{\"url\":\"" + race
                        + "\",\"extension\":[{\"url\":\"ombCategory\",\"valueCoding\":{\"system\":"
                        + "\"http://terminology.hl7.org/CodeSystem/v3-NullFlavor\",\"code\":\"ASKU\"}}]}]}",
                vital("w1", "p1", "29463-7", "154.32358", "[lb_av]"),
                vital("h1", "p1", "8302-2", "70", "[in_i]"),
                vital("w2", "p2", "29463-7", "250", "g"),
                "{\"resourceType\":\"Observation\",\"id\":\"g1\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":"
                        + "\"http://loinc.org\",\"code\":\"84413-4\"}]},\"subject\":{\"reference\":\"Patient/p1\"},"
                        + "\"issued\":\"2024-01-02T03:04:05Z\",\"component\":[{\"code\":{\"coding\":[{\"system\":\"http://loinc.org\","
                        + "\"code\":\"48018-6\"}]},\"valueCodeableConcept\":{\"text\":\"HLA-B\"}}],"
                        + "\"valueCodeableConcept\":{\"text\":\"HLA-B*15:02 Detected\"}}");

        FhirImport result = reader.read(ndjson, PayloadFormat.AUTO, null);

        PatientRecord p1 = result.patients().get(0).record();
        assertThat(p1.demographics().sexAtBirth()).isEqualTo(SexAtBirth.UNKNOWN);
        assertThat(p1.demographics().sexFromAdministrativeGender()).isTrue();
        assertThat(p1.demographics().ancestry()).isEqualTo(Ancestry.MIXED);
        assertThat(p1.demographics().weightKg().value()).isCloseTo(70.0, within(1e-4));
        assertThat(p1.demographics().heightCm().value()).isCloseTo(177.8, within(1e-9));
        assertThat(p1.hla()).containsExactly(new HlaCall("HLA-B*15:02", true, GeneticCall.GeneticSource.FHIR,
                Instant.parse("2024-01-02T03:04:05Z")));
        assertThat(p1.genetics()).isEmpty();

        PatientImport p2 = result.patients().get(1);
        assertThat(p2.record()).isNull();
        assertThat(p2.problems()).containsExactly(new ImportProblem("Observation/w2", "valueQuantity.value",
                "weight is outside the plausible range 0.3-700 kg"));
    }

    @Test
    void autoReportsABrokenPrettyPrintedBundleAsAWhole() {
        String bundle = "{\n \"resourceType\": \"Bundle\",\n \"type\": \"batch\",\n \"entry\": [\n"
                + "  {\"resource\": {\"resourceType\": \"Patient\", \"id\": \"p1\"}}\n  {\"resource\": {}}\n ]\n}";
        FhirPayloadException e = catchThrowableOfType(FhirPayloadException.class,
                () -> reader.read(bundle, PayloadFormat.AUTO, null));
        assertThat(e.problems()).containsExactly(new ImportProblem("payload", null, "not valid JSON at line 6, column 3"));
    }

    static String vital(String id, String patient, String loinc, String value, String ucum) {
        return "{\"resourceType\":\"Observation\",\"id\":\"" + id + "\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":"
                + "\"http://loinc.org\",\"code\":\"" + loinc + "\"}]},\"subject\":{\"reference\":\"Patient/" + patient + "\"},"
                + "\"effectiveDateTime\":\"2024-01-02\",\"valueQuantity\":{\"value\":" + value
                + ",\"system\":\"http://unitsofmeasure.org\",\"code\":\"" + ucum + "\"}}";
    }
}
