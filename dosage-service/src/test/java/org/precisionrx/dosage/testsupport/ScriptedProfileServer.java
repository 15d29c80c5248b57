package org.precisionrx.dosage.testsupport;

import java.io.IOException;

import io.grpc.stub.StreamObserver;
import org.precisionrx.profile.v1.GetProfileRequest;
import org.precisionrx.profile.v1.PatientProfile;
import org.precisionrx.profile.v1.PatientProfileServiceGrpc;
import org.precisionrx.testsupport.StandIn;

/**
 * patient-profile-service's GetProfile as a {@link StandIn} scripts it (fail the next calls, hold
 * calls until released, count every call that reached it); a found profile carries only its id.
 */
public final class ScriptedProfileServer extends PatientProfileServiceGrpc.PatientProfileServiceImplBase {

    private final StandIn script;

    public ScriptedProfileServer(StandIn script) {
        this.script = script;
    }

    /** A stand-in patient-profile-service on 127.0.0.1:{@code port}. */
    public static StandIn start(int port) throws IOException {
        StandIn script = new StandIn();
        return script.start(port, new ScriptedProfileServer(script));
    }

    @Override
    public void getProfile(GetProfileRequest request, StreamObserver<PatientProfile> response) {
        script.answer(response, () -> PatientProfile.newBuilder().setPatientId(request.getPatient().getPatientId()).build());
    }
}
