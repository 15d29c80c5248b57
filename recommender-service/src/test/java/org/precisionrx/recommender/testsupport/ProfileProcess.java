package org.precisionrx.recommender.testsupport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.precisionrx.testsupport.PostgresDatabases;
import org.precisionrx.testsupport.PostgresDatabases.TestDatabase;
import org.precisionrx.testsupport.ServiceProcess;

/**
 * The packaged patient-profile-service as a real process on its own database, with dosage-service
 * left down: for the degraded-answer tests.
 */
public class ProfileProcess implements QuarkusTestResourceLifecycleManager {

    static final int PROFILE_PORT = 18121;

    protected ServiceProcess profile;

    @Override
    public Map<String, String> start() {
        TestDatabase db = PostgresDatabases.recreate("precisionrx_recommender_it_profile");
        profile = ServiceProcess.start(Path.of("../patient-profile-service/target/quarkus-app"), PROFILE_PORT, Map.of(
                "PROFILE_DB_URL", db.jdbcUrl(),
                "PROFILE_DB_USER", db.user(),
                "PROFILE_DB_PASSWORD", db.password(),
                "PROFILE_HTTP_PORT", String.valueOf(PROFILE_PORT)), Duration.ofSeconds(60));
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.grpc.clients.profile.host", "127.0.0.1");
        config.put("quarkus.grpc.clients.profile.port", String.valueOf(PROFILE_PORT));
        // In test mode Quarkus points clients at the app's own test port unless told otherwise.
        config.put("quarkus.grpc.clients.profile.test-port", String.valueOf(PROFILE_PORT));
        return config;
    }

    @Override
    public void stop() {
        if (profile != null) {
            profile.close();
        }
    }
}
