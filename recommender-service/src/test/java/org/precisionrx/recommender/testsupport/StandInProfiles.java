package org.precisionrx.recommender.testsupport;

import io.grpc.stub.StreamObserver;
import org.precisionrx.profile.v1.GetProfileRequest;
import org.precisionrx.profile.v1.GetProfilesRequest;
import org.precisionrx.profile.v1.GetProfilesResponse;
import org.precisionrx.profile.v1.PatientProfile;
import org.precisionrx.profile.v1.PatientProfileServiceGrpc;
import org.precisionrx.testsupport.StandIn;

/**
 * patient-profile-service's reads as a {@link StandIn} scripts them. A found profile carries only
 * the patient id: the ranking answers it, with incomplete-profile warnings.
 */
public final class StandInProfiles extends PatientProfileServiceGrpc.PatientProfileServiceImplBase {

    private final StandIn script;

    public StandInProfiles(StandIn script) {
        this.script = script;
    }

    @Override
    public void getProfile(GetProfileRequest request, StreamObserver<PatientProfile> response) {
        script.answer(response, () -> PatientProfile.newBuilder().setPatientId(request.getPatient().getPatientId()).build());
    }

    @Override
    public void getProfiles(GetProfilesRequest request, StreamObserver<GetProfilesResponse> response) {
        script.answer(response, () -> {
            GetProfilesResponse.Builder page = GetProfilesResponse.newBuilder();
            request.getPatientIdsList().forEach(id -> page.addProfiles(PatientProfile.newBuilder().setPatientId(id)));
            return page.build();
        });
    }
}
