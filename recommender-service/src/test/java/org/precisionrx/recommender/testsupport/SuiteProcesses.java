package org.precisionrx.recommender.testsupport;

import java.util.HashMap;
import java.util.Map;

import org.precisionrx.testsupport.PackagedServices;
import org.precisionrx.testsupport.ServiceProcess;

/**
 * Real patient-profile-service and dosage-service processes (their packaged jars), the profile
 * service on its own fresh PostgreSQL database; the recommender under test talks to both over gRPC.
 */
public class SuiteProcesses extends ProfileProcess {

    static final int DOSAGE_PORT = 18122;

    private ServiceProcess dosage;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        dosage = PackagedServices.dosage(DOSAGE_PORT, PROFILE_PORT);
        config.putAll(PackagedServices.client("dosage", DOSAGE_PORT));
        return config;
    }

    @Override
    public void stop() {
        if (dosage != null) {
            dosage.close();
        }
        super.stop();
    }
}
