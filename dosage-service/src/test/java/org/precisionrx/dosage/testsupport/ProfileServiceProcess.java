package org.precisionrx.dosage.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.precisionrx.testsupport.PackagedServices;
import org.precisionrx.testsupport.ServiceProcess;

/**
 * Runs the packaged patient-profile-service as a separate process on its own fresh database, and
 * points dosage-service's profile client at it: the patient-id path is tested across processes.
 */
public class ProfileServiceProcess implements QuarkusTestResourceLifecycleManager {

    public static final int PORT = 18111;

    private ServiceProcess process;

    @Override
    public Map<String, String> start() {
        process = PackagedServices.profile("precisionrx_dosage_it_profile", PORT);
        return PackagedServices.client("profile", PORT);
    }

    @Override
    public void stop() {
        if (process != null) {
            process.close();
        }
    }
}
