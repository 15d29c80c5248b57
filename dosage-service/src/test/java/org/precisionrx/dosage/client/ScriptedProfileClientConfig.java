package org.precisionrx.dosage.client;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.precisionrx.testsupport.PackagedServices;

/** Points the profile client at the scripted server, with a 3 s deadline and a bulkhead of two. */
public class ScriptedProfileClientConfig implements QuarkusTestResourceLifecycleManager {

    static final int PORT = 18662;
    static final int BULKHEAD = 2;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(PackagedServices.client("profile", PORT));
        config.put("precisionrx.dosage.profile-deadline", "3s");
        config.put(ProfileClient.class.getName() + "/fetch/Bulkhead/value", String.valueOf(BULKHEAD));
        return config;
    }

    @Override
    public void stop() {
    }
}
