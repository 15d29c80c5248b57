package org.precisionrx.profile.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.precisionrx.profile.grpc.GrpcTestSupport.failure;
import static org.precisionrx.profile.grpc.GrpcTestSupport.resource;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.precisionrx.profile.testsupport.PostgresTestDatabase;
import org.precisionrx.profile.v1.ExternalIdentifier;
import org.precisionrx.profile.v1.FhirPayloadFormat;
import org.precisionrx.profile.v1.IdentifierKind;
import org.precisionrx.profile.v1.ImportFhirRequest;
import org.precisionrx.profile.v1.ImportPharmcatCallsRequest;
import org.precisionrx.profile.v1.PatientKey;
import org.precisionrx.profile.v1.PatientProfileServiceGrpc.PatientProfileServiceBlockingStub;

/**
 * The "no partial write" half of the fuzzing property (docs/fuzzing.md), against the real database: a
 * payload that is rejected, even on its last line after readable patients, leaves every table exactly
 * as it was. The fuzz tests check the parsers in-process; this checks that their rejection comes before
 * anything is stored.
 */
@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
class RejectedImportWritesNothingTest {

    private static final String SYSTEM = "urn:test:rejected-import";

    @GrpcClient("profile")
    PatientProfileServiceBlockingStub profiles;

    @Inject
    DataSource dataSource;

    @Test
    void ndjsonBrokenOnItsLastLineStoresNoneOfTheReadablePatients() throws SQLException {
        String ndjson = """
                {"resourceType":"Patient","id":"rej-1","gender":"female","birthDate":"1950-01-01"}
                {"resourceType":"Observation","id":"rej-1-w","status":"final","subject":{"reference":"Patient/rej-1"},"code":{"coding":[{"system":"http://loinc.org","code":"29463-7"}]},"valueQuantity":{"value":70,"unit":"kg","system":"http://unitsofmeasure.org","code":"kg"}}
                {"resourceType":"Patient","id":"rej-2","gender":"male","birthDate":"1960-01-01"}
                {"resourceType":"Observation","id":"rej-2-w",
                """;
        Map<String, Long> before = rowCounts();

        var rejected = failure(Status.Code.INVALID_ARGUMENT, () -> profiles.importFhir(ImportFhirRequest.newBuilder()
                .setPayload(ByteString.copyFromUtf8(ndjson)).setFormat(FhirPayloadFormat.FHIR_PAYLOAD_FORMAT_NDJSON)
                .setSourceSystem(SYSTEM).build()));

        assertThat(rejected.getStatus().getDescription()).contains("line 4");
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void pharmcatFileBrokenOnItsLastLineChangesNothingOfAnExistingPatient() throws SQLException {
        profiles.importFhir(ImportFhirRequest.newBuilder().setPayload(resource("fhir/two-patients-one-invalid.json"))
                .setSourceSystem(SYSTEM).build());
        PatientKey patient = PatientKey.newBuilder().setIdentifier(ExternalIdentifier.newBuilder()
                .setKind(IdentifierKind.IDENTIFIER_KIND_FHIR_ID).setSystem(SYSTEM).setValue("pat-a")).build();
        Map<String, Long> before = rowCounts();

        failure(Status.Code.INVALID_ARGUMENT, () -> profiles.importPharmcatCalls(ImportPharmcatCallsRequest.newBuilder()
                .setPatient(patient).setTsv("CYP2C19\t*1/*2\nCYP2C9\t*1/*3\nCYP2D6\t*1/*4\t\tNaN\n").build()));

        assertThat(rowCounts()).isEqualTo(before);
    }

    /** Rows per table of the service's schema (Flyway's own history excluded). */
    private Map<String, Long> rowCounts() throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' "
                    + "AND table_name <> 'flyway_schema_history'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        assertThat(counts).as("tables of the profile schema").isNotEmpty();
        return counts;
    }
}
