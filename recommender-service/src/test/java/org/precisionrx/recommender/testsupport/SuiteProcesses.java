package org.precisionrx.recommender.testsupport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

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
        dosage = ServiceProcess.start(Path.of("../dosage-service/target/quarkus-app"), DOSAGE_PORT, Map.of(
                "DOSAGE_HTTP_PORT", String.valueOf(DOSAGE_PORT),
                "PROFILE_GRPC_PORT", String.valueOf(PROFILE_PORT)), Duration.ofSeconds(60));
        config.put("quarkus.grpc.clients.dosage.host", "127.0.0.1");
        config.put("quarkus.grpc.clients.dosage.port", String.valueOf(DOSAGE_PORT));
        config.put("quarkus.grpc.clients.dosage.test-port", String.valueOf(DOSAGE_PORT));
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
