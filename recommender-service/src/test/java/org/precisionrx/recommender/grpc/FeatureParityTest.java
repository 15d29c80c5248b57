package org.precisionrx.recommender.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.protobuf.ByteString;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.precisionrx.profile.v1.GetProfileRequest;
import org.precisionrx.profile.v1.ImportFhirRequest;
import org.precisionrx.profile.v1.ImportReport;
import org.precisionrx.profile.v1.PatientKey;
import org.precisionrx.profile.v1.PatientProfile;
import org.precisionrx.profile.v1.PatientProfileServiceGrpc.PatientProfileServiceBlockingStub;
import org.precisionrx.recommender.features.ProfileFeatures;
import org.precisionrx.recommender.testsupport.ProfileProcess;
import org.precisionrx.simulator.CohortCsv;
import org.precisionrx.simulator.CohortRow;
import org.precisionrx.simulator.CohortSimulator;
import org.precisionrx.simulator.FhirExport;

/**
 * No training/serving skew: simulated patients, exported as FHIR and imported into the real
 * profile service, come back as the same feature columns the models were trained on.
 */
@QuarkusTest
@WithTestResource(ProfileProcess.class)
class FeatureParityTest {

    private static final Set<String> NUMERIC = Set.of("age", "bmi", "crcl_ml_min", "egfr", "alcohol_units_week");
    /**
     * Known gap: FHIR has no standard code the profile import maps to "high vitamin K intake", so
     * imported patients read 0 there; only UpsertProfile carries the diet flag (README, issue note).
     */
    private static final Set<String> NOT_CARRIED_BY_FHIR = Set.of("high_vitamin_k");

    @GrpcClient("profile")
    PatientProfileServiceBlockingStub profiles;

    @Test
    void simulatedPatientsRoundTripThroughFhirAndTheProfileService() throws IOException {
        List<CohortRow> rows = new CohortSimulator().demoPatients(12, 4242, null);
        FhirExport export = new FhirExport(LocalDate.now(ZoneOffset.UTC));
        for (int i = 0; i < rows.size(); i++) {
            ImportReport report = profiles.importFhir(ImportFhirRequest.newBuilder()
                    .setPayload(ByteString.copyFromUtf8(export.json(rows.get(i), i))).setSourceSystem("urn:test:parity").build());
            assertThat(report.getFailed()).as(report.toString()).isZero();
            PatientProfile profile = profiles.getProfile(GetProfileRequest.newBuilder()
                    .setPatient(PatientKey.newBuilder().setPatientId(report.getPatients(0).getPatientId())).build());

            Map<String, String> trained = csvColumns(rows.get(i));
            Map<String, String> served = ProfileFeatures.of(profile).columns();
            for (String column : served.keySet()) {
                if (NOT_CARRIED_BY_FHIR.contains(column)) {
                    continue;
                }
                String expected = trained.get(column);
                String actual = served.get(column);
                String what = "patient " + i + " column " + column;
                if (NUMERIC.contains(column) && !"NA".equals(expected)) {
                    double e = Double.parseDouble(expected);
                    assertThat(Double.parseDouble(actual)).as(what).isCloseTo(e, within(Math.max(0.6, Math.abs(e) * 0.03)));
                } else {
                    assertThat(actual).as(what).isEqualTo(expected);
                }
            }
        }
    }

    private static Map<String, String> csvColumns(CohortRow row) throws IOException {
        StringWriter out = new StringWriter();
        CohortCsv.writeRow(row, out);
        List<String> header = CohortCsv.header(row.patient().indication());
        String[] values = out.toString().stripTrailing().split(",", -1);
        Map<String, String> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i), values[i]);
        }
        return columns;
    }
}
