package org.precisionrx.recommender.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.precisionrx.testsupport.PackagedServices;
import org.precisionrx.testsupport.ServiceProcess;

/**
 * The packaged patient-profile-service as a real process on its own database, with dosage-service
 * left down: for the degraded-answer and feature-parity tests.
 */
public class ProfileProcess implements QuarkusTestResourceLifecycleManager {

    static final int PROFILE_PORT = 18121;

    private ServiceProcess profile;

    @Override
    public Map<String, String> start() {
        profile = PackagedServices.profile("precisionrx_recommender_it_profile", PROFILE_PORT);
        return PackagedServices.client("profile", PROFILE_PORT);
    }

    @Override
    public void stop() {
        if (profile != null) {
            profile.close();
        }
    }
}
