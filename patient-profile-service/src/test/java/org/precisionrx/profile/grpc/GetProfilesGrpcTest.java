package org.precisionrx.profile.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.precisionrx.profile.grpc.GrpcTestSupport.failure;
import static org.precisionrx.profile.grpc.GrpcTestSupport.violatedFields;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.precisionrx.common.v1.PageRequest;
import org.precisionrx.profile.testsupport.PostgresTestDatabase;
import org.precisionrx.profile.v1.DeletePatientRequest;
import org.precisionrx.profile.v1.GetProfileRequest;
import org.precisionrx.profile.v1.GetProfilesRequest;
import org.precisionrx.profile.v1.GetProfilesResponse;
import org.precisionrx.profile.v1.ListPatientsRequest;
import org.precisionrx.profile.v1.ListPatientsResponse;
import org.precisionrx.profile.v1.PatientKey;
import org.precisionrx.profile.v1.PatientProfile;
import org.precisionrx.profile.v1.PatientProfileServiceGrpc.PatientProfileServiceBlockingStub;
import org.precisionrx.profile.v1.PatientSummary;

/** GetProfiles through a real gRPC stub and PostgreSQL: listed ids, keyset pages, deletions, bad input. */
@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
class GetProfilesGrpcTest {

    @GrpcClient("profile")
    PatientProfileServiceBlockingStub profiles;

    @Test
    void listedIdsComeBackInTheirOrderOnceEachAndUnknownOrDeletedOnesAreNamed() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(create(i + 1, i == 2).getPatientId());
        }
        String deleted = ids.get(3);
        profiles.deletePatient(DeletePatientRequest.newBuilder().setPatientId(deleted).build());
        String unknown = UUID.randomUUID().toString();
        List<String> asked = List.of(ids.get(2), ids.get(0), unknown, ids.get(1), ids.get(0), deleted);

        GetProfilesResponse got = profiles.getProfiles(GetProfilesRequest.newBuilder().addAllPatientIds(asked).build());

        assertThat(got.getProfilesList()).extracting(PatientProfile::getPatientId)
                .containsExactly(ids.get(2), ids.get(0), ids.get(1));
        assertThat(got.getNotFoundPatientIdsList()).containsExactly(unknown, deleted);
        assertThat(got.getNextPageToken()).isEmpty();
        // The same assembled profile as GetProfile, opt-out included.
        assertThat(got.getProfiles(0)).isEqualTo(getProfile(ids.get(2)));
        assertThat(got.getProfiles(0).getConsent().getModelRecommendationsOptOut()).isTrue();
        assertThat(got.getProfiles(1).getConsent().getModelRecommendationsOptOut()).isFalse();
    }

    @Test
    void pagesFollowListPatientsOrderAndSkipDeletedPatients() {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mine.add(create(i, false).getPatientId());
        }
        String victim = mine.get(2);
        profiles.deletePatient(DeletePatientRequest.newBuilder().setPatientId(victim).build());

        List<String> listed = new ArrayList<>();
        String token = "";
        do {
            ListPatientsResponse page = profiles.listPatients(ListPatientsRequest.newBuilder()
                    .setPage(PageRequest.newBuilder().setPageSize(3).setPageToken(token)).build());
            page.getPatientsList().stream().map(PatientSummary::getPatientId).forEach(listed::add);
            token = page.getNextPageToken();
        } while (!token.isEmpty());

        List<PatientProfile> paged = new ArrayList<>();
        do {
            GetProfilesResponse page = profiles.getProfiles(GetProfilesRequest.newBuilder()
                    .setPage(PageRequest.newBuilder().setPageSize(2).setPageToken(token)).build());
            assertThat(page.getProfilesCount()).isBetween(1, 2);
            assertThat(page.getNotFoundPatientIdsList()).isEmpty();
            paged.addAll(page.getProfilesList());
            token = page.getNextPageToken();
        } while (!token.isEmpty());

        assertThat(paged).extracting(PatientProfile::getPatientId).containsExactlyElementsOf(listed)
                .containsAll(mine.stream().filter(id -> !id.equals(victim)).toList())
                .doesNotContain(victim);
        assertThat(paged.get(paged.size() - 1)).isEqualTo(getProfile(paged.get(paged.size() - 1).getPatientId()));
    }

    @Test
    void aPageTokenOfAPatientDeletedSinceStillContinuesAfterIt() {
        String first = create(1, false).getPatientId();
        String second = create(1, false).getPatientId();
        GetProfilesResponse upToFirst = pageEndingWith(first);
        profiles.deletePatient(DeletePatientRequest.newBuilder().setPatientId(first).build());

        GetProfilesResponse next = profiles.getProfiles(GetProfilesRequest.newBuilder()
                .setPage(PageRequest.newBuilder().setPageSize(1).setPageToken(upToFirst.getNextPageToken())).build());

        assertThat(next.getProfilesList()).extracting(PatientProfile::getPatientId).containsExactly(second);
    }

    @Test
    void badRequestsNameTheField() {
        assertThat(violatedFields(failure(Status.Code.INVALID_ARGUMENT, () -> profiles.getProfiles(GetProfilesRequest.newBuilder()
                .addPatientIds(UUID.randomUUID().toString()).addPatientIds("x").addPatientIds("").build()))))
                .containsExactly("patient_ids[1]", "patient_ids[2]");
        assertThat(violatedFields(failure(Status.Code.INVALID_ARGUMENT, () -> profiles.getProfiles(GetProfilesRequest.newBuilder()
                .addAllPatientIds(Collections.nCopies(501, UUID.randomUUID().toString())).build()))))
                .containsExactly("patient_ids");
        assertThat(violatedFields(failure(Status.Code.INVALID_ARGUMENT, () -> profiles.getProfiles(GetProfilesRequest.newBuilder()
                .addPatientIds(UUID.randomUUID().toString()).setPage(PageRequest.newBuilder().setPageSize(5)).build()))))
                .containsExactly("page");
        assertThat(violatedFields(failure(Status.Code.INVALID_ARGUMENT, () -> profiles.getProfiles(GetProfilesRequest.newBuilder()
                .setPage(PageRequest.newBuilder().setPageSize(501)).build()))))
                .containsExactly("page.page_size");
        assertThat(violatedFields(failure(Status.Code.INVALID_ARGUMENT, () -> profiles.getProfiles(GetProfilesRequest.newBuilder()
                .setPage(PageRequest.newBuilder().setPageSize(-1)).build()))))
                .containsExactly("page.page_size");
        assertThat(violatedFields(failure(Status.Code.INVALID_ARGUMENT, () -> profiles.getProfiles(GetProfilesRequest.newBuilder()
                .setPage(PageRequest.newBuilder().setPageToken("bm90IGEgdG9rZW4")).build()))))
                .containsExactly("page.page_token");
    }

    /** Pages one patient at a time until the page holding {@code id}. */
    private GetProfilesResponse pageEndingWith(String id) {
        String token = "";
        while (true) {
            GetProfilesResponse page = profiles.getProfiles(GetProfilesRequest.newBuilder()
                    .setPage(PageRequest.newBuilder().setPageSize(1).setPageToken(token)).build());
            if (page.getProfiles(0).getPatientId().equals(id)) {
                return page;
            }
            token = page.getNextPageToken();
        }
    }

    private PatientProfile create(int records, boolean optOut) {
        return profiles.upsertProfile(ProfileFixtures.patient(records, optOut)).getProfile();
    }

    private PatientProfile getProfile(String id) {
        return profiles.getProfile(GetProfileRequest.newBuilder().setPatient(PatientKey.newBuilder().setPatientId(id)).build());
    }
}
