package org.precisionrx.gateway.support;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.precisionrx.gateway.cdshooks.auth.TestEhr;
import org.precisionrx.testsupport.KeycloakServer;
import org.precisionrx.testsupport.PackagedServices;
import org.precisionrx.testsupport.PostgresDatabases;
import org.precisionrx.testsupport.PostgresDatabases.TestDatabase;
import org.precisionrx.testsupport.ServiceProcess;

/**
 * Everything behind the gateway, for real: Keycloak 26.7.3 with the committed realm, PostgreSQL,
 * and the profile, dosage and recommender services as processes. Started once per test JVM.
 */
public class GatewaySuite implements QuarkusTestResourceLifecycleManager {

    public static final int PROFILE_PORT = 18111;
    public static final int DOSAGE_PORT = 18112;
    public static final int RECOMMENDER_PORT = 18113;
    public static final String DATABASE = "precisionrx_gateway_test";
    /** patient-profile-service's database behind the gateway. */
    public static final String PROFILE_DATABASE = "precisionrx_gateway_profile_test";
    public static final int LOCAL_FHIR_PORT = 18190;
    public static final String LOCAL_FHIR_SERVER = "http://127.0.0.1:" + LOCAL_FHIR_PORT + "/fhir";

    private static Map<String, String> config;
    private static TestDatabase database;
    private static ServiceProcess dosage;

    /** The gateway's own database, for tests that check what it stored. */
    public static synchronized TestDatabase database() {
        return database;
    }

    @Override
    public Map<String, String> start() {
        synchronized (GatewaySuite.class) {
            if (config == null) {
                config = startAll();
            }
            return config;
        }
    }

    private static Map<String, String> startAll() {
        KeycloakServer keycloak = KeycloakServer.shared();
        TestDatabase db = PostgresDatabases.recreate(DATABASE);
        database = db;
        ServiceProcess profile = PackagedServices.profile(PROFILE_DATABASE, PROFILE_PORT);
        dosage = PackagedServices.dosage(DOSAGE_PORT, PROFILE_PORT);
        ServiceProcess recommender = PackagedServices.recommender(RECOMMENDER_PORT, PROFILE_PORT, DOSAGE_PORT);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            recommender.close();
            stopDosage();
            profile.close();
        }));
        Map<String, String> settings = new HashMap<>();
        settings.put("quarkus.oidc.auth-server-url", keycloak.realmUrl("precisionrx"));
        settings.put("quarkus.datasource.jdbc.url", db.jdbcUrl());
        settings.put("quarkus.datasource.username", db.user());
        settings.put("quarkus.datasource.password", db.password());
        settings.putAll(PackagedServices.client("profile", PROFILE_PORT));
        settings.putAll(PackagedServices.client("dosage", DOSAGE_PORT));
        settings.putAll(PackagedServices.client("recommender", RECOMMENDER_PORT));
        settings.putAll(TestEhr.get().config());
        // The test EHR's tenant reads from its own FHIR server and from one the tests serve locally.
        settings.put("precisionrx.cds.issuers.test-ehr.fhir-servers", TestEhr.get().fhirServer() + "," + LOCAL_FHIR_SERVER);
        return settings;
    }

    /** Takes dosage-service away, to see how the gateway answers without it. */
    public static synchronized void stopDosage() {
        if (dosage != null) {
            dosage.close();
            dosage = null;
        }
    }

    public static synchronized void startDosage() {
        if (dosage == null) {
            dosage = PackagedServices.dosage(DOSAGE_PORT, PROFILE_PORT);
        }
    }

    @Override
    public void stop() {
        // Shared by every test class of this JVM; the shutdown hooks stop the processes.
    }
}
