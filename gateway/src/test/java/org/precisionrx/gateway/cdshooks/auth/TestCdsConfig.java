package org.precisionrx.gateway.cdshooks.auth;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;

/**
 * Builds {@link CdsIssuersConfig} from properties the way Quarkus does (SmallRye Config with Quarkus'
 * converters for durations and paths), so the tests also check the property names.
 */
final class TestCdsConfig {

    private TestCdsConfig() {
    }

    static CdsIssuersConfig from(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .addDiscoveredConverters()
                .withMapping(CdsIssuersConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .build();
        return config.getConfigMapping(CdsIssuersConfig.class);
    }
}
