package org.precisionrx.recommender.client;

import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import org.precisionrx.common.v1.PageRequest;
import org.precisionrx.profile.v1.GetProfileRequest;
import org.precisionrx.profile.v1.ListPatientsRequest;
import org.precisionrx.profile.v1.PatientKey;
import org.precisionrx.profile.v1.PatientProfile;
import org.precisionrx.profile.v1.PatientProfileServiceGrpc.PatientProfileServiceBlockingStub;
import org.precisionrx.recommender.config.RecommenderConfig;

/** Fetches profiles from patient-profile-service, with a deadline on every call. */
@ApplicationScoped
public class ProfileClient {

    private final PatientProfileServiceBlockingStub profiles;
    private final RecommenderConfig config;

    public ProfileClient(@GrpcClient("profile") PatientProfileServiceBlockingStub profiles, RecommenderConfig config) {
        this.profiles = profiles;
        this.config = config;
    }

    /** One page of stored patient ids; the second element is the next page token (empty on the last page). */
    public java.util.Map.Entry<java.util.List<String>, String> page(String token, int size) {
        try {
            var page = profiles.withDeadlineAfter(config.profileDeadline().toMillis(), TimeUnit.MILLISECONDS)
                    .listPatients(ListPatientsRequest.newBuilder()
                            .setPage(PageRequest.newBuilder().setPageSize(size).setPageToken(token)).build());
            return java.util.Map.entry(page.getPatientsList().stream().map(p -> p.getPatientId()).toList(), page.getNextPageToken());
        } catch (StatusRuntimeException e) {
            throw Status.UNAVAILABLE.withDescription("patient-profile-service did not list patients (" + e.getStatus().getCode() + ")")
                    .withCause(e).asRuntimeException();
        }
    }

    /** @throws StatusRuntimeException NOT_FOUND for an unknown patient; UNAVAILABLE naming the service otherwise */
    public PatientProfile fetch(String patientId) {
        try {
            return profiles.withDeadlineAfter(config.profileDeadline().toMillis(), TimeUnit.MILLISECONDS)
                    .getProfile(GetProfileRequest.newBuilder().setPatient(PatientKey.newBuilder().setPatientId(patientId)).build());
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                throw e;
            }
            throw Status.UNAVAILABLE.withDescription("patient-profile-service did not answer (" + e.getStatus().getCode() + ")")
                    .withCause(e).asRuntimeException();
        }
    }
}
