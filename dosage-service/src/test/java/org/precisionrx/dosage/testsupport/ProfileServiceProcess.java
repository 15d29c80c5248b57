package org.precisionrx.dosage.testsupport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.precisionrx.testsupport.PostgresDatabases;
import org.precisionrx.testsupport.PostgresDatabases.TestDatabase;
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
        TestDatabase db = PostgresDatabases.recreate("precisionrx_dosage_it_profile");
        process = ServiceProcess.start(Path.of("../patient-profile-service/target/quarkus-app"), PORT, Map.of(
                "PROFILE_DB_URL", db.jdbcUrl(),
                "PROFILE_DB_USER", db.user(),
                "PROFILE_DB_PASSWORD", db.password(),
                "PROFILE_HTTP_PORT", String.valueOf(PORT)), Duration.ofSeconds(60));
        return Map.of(
                "quarkus.grpc.clients.profile.host", "127.0.0.1",
                "quarkus.grpc.clients.profile.port", String.valueOf(PORT),
                // In test mode Quarkus points clients at the app's own test port unless told otherwise.
                "quarkus.grpc.clients.profile.test-port", String.valueOf(PORT));
    }

    @Override
    public void stop() {
        if (process != null) {
            process.close();
        }
    }
}
