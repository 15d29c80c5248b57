package org.precisionrx.dosage.client;

import jakarta.enterprise.context.ApplicationScoped;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import org.precisionrx.dosage.config.DosageConfig;
import org.precisionrx.grpc.Deadlines;
import org.precisionrx.profile.v1.GetProfileRequest;
import org.precisionrx.profile.v1.PatientKey;
import org.precisionrx.profile.v1.PatientProfile;
import org.precisionrx.profile.v1.PatientProfileServiceGrpc.PatientProfileServiceBlockingStub;

/** Fetches profiles from patient-profile-service, with a deadline on every call. */
@ApplicationScoped
public class ProfileClient {

    private final PatientProfileServiceBlockingStub profiles;
    private final DosageConfig config;

    public ProfileClient(@GrpcClient("profile") PatientProfileServiceBlockingStub profiles, DosageConfig config) {
        this.profiles = profiles;
        this.config = config;
    }

    /**
     * @throws StatusRuntimeException NOT_FOUND for an unknown patient, UNAVAILABLE or DEADLINE_EXCEEDED
     *         when the profile service cannot answer (with a message saying which service)
     */
    public PatientProfile fetch(String patientId) {
        try {
            return profiles.withDeadline(Deadlines.within(config.profileDeadline()))
                    .getProfile(GetProfileRequest.newBuilder()
                            .setPatient(PatientKey.newBuilder().setPatientId(patientId)).build());
        } catch (StatusRuntimeException e) {
            Status.Code code = e.getStatus().getCode();
            if (code == Status.Code.NOT_FOUND || code == Status.Code.INVALID_ARGUMENT) {
                throw e;
            }
            throw Status.UNAVAILABLE.withDescription("patient-profile-service did not answer (" + code + ")")
                    .withCause(e).asRuntimeException();
        }
    }
}
