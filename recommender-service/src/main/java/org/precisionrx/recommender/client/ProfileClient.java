package org.precisionrx.recommender.client;

import jakarta.enterprise.context.ApplicationScoped;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import org.precisionrx.grpc.Deadlines;
import org.precisionrx.profile.v1.GetProfileRequest;
import org.precisionrx.profile.v1.GetProfilesRequest;
import org.precisionrx.profile.v1.GetProfilesResponse;
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

    /** @throws StatusRuntimeException NOT_FOUND for an unknown patient; UNAVAILABLE naming the service otherwise */
    public PatientProfile fetch(String patientId) {
        try {
            return profiles.withDeadline(Deadlines.within(config.profileDeadline()))
                    .getProfile(GetProfileRequest.newBuilder().setPatient(PatientKey.newBuilder().setPatientId(patientId)).build());
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                throw e;
            }
            throw Status.UNAVAILABLE.withDescription("patient-profile-service did not answer (" + e.getStatus().getCode() + ")")
                    .withCause(e).asRuntimeException();
        }
    }

    /**
     * Many assembled profiles in one call: the listed ids, or one page of all stored patients.
     * @throws StatusRuntimeException UNAVAILABLE naming the service when the call fails
     */
    public GetProfilesResponse fetchMany(GetProfilesRequest request) {
        try {
            return profiles.withDeadline(Deadlines.within(config.profileDeadline())).getProfiles(request);
        } catch (StatusRuntimeException e) {
            throw Status.UNAVAILABLE.withDescription("patient-profile-service did not return profiles (" + e.getStatus().getCode() + ")")
                    .withCause(e).asRuntimeException();
        }
    }
}
