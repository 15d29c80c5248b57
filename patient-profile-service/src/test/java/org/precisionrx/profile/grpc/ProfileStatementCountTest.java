package org.precisionrx.profile.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.precisionrx.common.v1.PageRequest;
import org.precisionrx.profile.testsupport.PostgresTestDatabase;
import org.precisionrx.profile.v1.GetProfileRequest;
import org.precisionrx.profile.v1.GetProfilesRequest;
import org.precisionrx.profile.v1.PatientKey;
import org.precisionrx.profile.v1.PatientProfile;
import org.precisionrx.profile.v1.PatientProfileServiceGrpc.PatientProfileServiceBlockingStub;

/**
 * Profile assembly issues a fixed number of SQL statements, counted by Hibernate's statistics
 * (enabled in the test profile): no statement per patient or per record.
 */
@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
class ProfileStatementCountTest {

    /** The patients, then one statement per record table (identifiers, genetics, HLA, conditions, medications, labs, allergies). */
    private static final long PER_PROFILE_GRAPH = 8;

    @GrpcClient("profile")
    PatientProfileServiceBlockingStub profiles;

    @Inject
    SessionFactory sessions;

    @Test
    void oneProfileTakesTheSameStatementsWhateverItHolds() {
        PatientProfile empty = create(0);
        PatientProfile full = create(20);
        assertThat(full.getHistory().getLabsCount()).isEqualTo(20);

        assertThat(statements(() -> profiles.getProfile(byId(empty)))).isEqualTo(PER_PROFILE_GRAPH);
        assertThat(statements(() -> profiles.getProfile(byId(full)))).isEqualTo(PER_PROFILE_GRAPH);
        // By MRN: one more statement resolves the identifier.
        assertThat(statements(() -> profiles.getProfile(GetProfileRequest.newBuilder()
                .setPatient(PatientKey.newBuilder().setIdentifier(full.getIdentifiers(0))).build())))
                .isEqualTo(PER_PROFILE_GRAPH + 1);
    }

    @Test
    void aBatchOfProfilesTakesTheSameStatementsWhateverItsLength() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add(create(i % 6).getPatientId());
        }
        long three = statements(() -> profiles.getProfiles(GetProfilesRequest.newBuilder().addAllPatientIds(ids.subList(0, 3)).build()));
        long forty = statements(() -> assertThat(profiles.getProfiles(
                GetProfilesRequest.newBuilder().addAllPatientIds(ids).build()).getProfilesCount()).isEqualTo(40));
        assertThat(three).isEqualTo(forty).isEqualTo(PER_PROFILE_GRAPH);

        // A page: one more statement finds the page's ids in (created_at, id) order.
        long page = statements(() -> assertThat(profiles.getProfiles(GetProfilesRequest.newBuilder()
                .setPage(PageRequest.newBuilder().setPageSize(40)).build()).getProfilesCount()).isEqualTo(40));
        assertThat(page).isEqualTo(PER_PROFILE_GRAPH + 1);
    }

    private PatientProfile create(int records) {
        return profiles.upsertProfile(ProfileFixtures.patient(records, false)).getProfile();
    }

    private long statements(Runnable call) {
        sessions.getStatistics().clear();
        call.run();
        return sessions.getStatistics().getPrepareStatementCount();
    }

    private static GetProfileRequest byId(PatientProfile profile) {
        return GetProfileRequest.newBuilder().setPatient(PatientKey.newBuilder().setPatientId(profile.getPatientId())).build();
    }
}
