package org.precisionrx.recommender.client;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.precisionrx.testsupport.PackagedServices;

/**
 * Points both clients at in-test stand-ins ({@code testsupport.StandIn}) and makes their limits
 * small enough to reach in a test: bulkheads of two and a 3 s breaker delay. The deadlines are long
 * and distinct, so a test can tell which one a downstream call carried.
 */
public class StandInDownstreams implements QuarkusTestResourceLifecycleManager {

    static final int PROFILE_PORT = 18671;
    static final int DOSAGE_PORT = 18672;
    static final long PROFILE_DEADLINE_MS = 10_000;
    static final long PAGE_DEADLINE_MS = 20_000;
    static final long DOSAGE_DEADLINE_MS = 10_000;
    static final int BULKHEAD = 2;
    static final long BREAKER_DELAY_MS = 3_000;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(PackagedServices.client("profile", PROFILE_PORT));
        config.putAll(PackagedServices.client("dosage", DOSAGE_PORT));
        config.put("precisionrx.recommender.profile-deadline", PROFILE_DEADLINE_MS + "ms");
        config.put("precisionrx.recommender.profile-page-deadline", PAGE_DEADLINE_MS + "ms");
        config.put("precisionrx.recommender.dosage-deadline", DOSAGE_DEADLINE_MS + "ms");
        for (String method : new String[] {ProfileClient.class.getName() + "/fetch", DosageClient.class.getName() + "/doses"}) {
            config.put(method + "/Bulkhead/value", String.valueOf(BULKHEAD));
            config.put(method + "/CircuitBreaker/delay", String.valueOf(BREAKER_DELAY_MS));
        }
        return config;
    }

    @Override
    public void stop() {
    }
}
