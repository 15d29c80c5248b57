package org.precisionrx.gateway.cdshooks.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The property names other tests and deployments rely on, and the startup checks of the issuers. */
class CdsIssuersConfigTest {

    private static final String ENTRY = "precisionrx.cds.issuers.ehr.";

    @Test
    void readsTheTestEhrEntryWithDefaultTimings() {
        TestEhr ehr = TestEhr.get();

        CdsIssuersConfig config = TestCdsConfig.from(ehr.config());

        CdsIssuersConfig.Issuer entry = config.issuers().get("test-ehr");
        assertThat(entry.issuer()).isEqualTo(ehr.issuer());
        assertThat(entry.jwksFile()).contains(ehr.jwksFile());
        assertThat(entry.jwksUrl()).isEmpty();
        assertThat(entry.jkuAllowlist()).isEmpty();
        assertThat(entry.fhirServers()).containsExactly(ehr.fhirServer());
        assertThat(config.clockSkew()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.maxTokenLifetime()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void readsUrlsAllowlistsAndTimings() {
        Map<String, String> properties = entry("jwks-url", "https://ehr.example.org/jwks.json");
        properties.put(ENTRY + "jku-allowlist", "https://ehr.example.org/a.json,https://ehr.example.org/b.json");
        properties.put("precisionrx.cds.clock-skew", "30s");
        properties.put("precisionrx.cds.max-token-lifetime", "2m");

        CdsIssuersConfig config = TestCdsConfig.from(properties);

        assertThat(config.issuers().get("ehr").jwksUrl()).contains("https://ehr.example.org/jwks.json");
        assertThat(config.issuers().get("ehr").jkuAllowlist())
                .contains(List.of("https://ehr.example.org/a.json", "https://ehr.example.org/b.json"));
        assertThat(config.clockSkew()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.maxTokenLifetime()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void refusesAnIssuerWithBothAUrlAndAFile() {
        Map<String, String> properties = entry("jwks-url", "https://ehr.example.org/jwks.json");
        properties.put(ENTRY + "jwks-file", TestEhr.get().jwksFile().toString());

        assertStartupFails(properties, "set exactly one of precisionrx.cds.issuers.ehr.jwks-url");
    }

    @Test
    void refusesAnIssuerWithoutKeys() {
        assertStartupFails(entry(null, null), "set exactly one of precisionrx.cds.issuers.ehr.jwks-url");
    }

    @Test
    void refusesAMissingJwksFile() {
        assertStartupFails(entry("jwks-file", "/nonexistent/jwks.json"), "jwks-file is not a readable file");
    }

    @Test
    void refusesPlainHttpToAnotherHost() {
        assertStartupFails(entry("jwks-url", "http://ehr.example.org/jwks.json"), "must be an https URL");
    }

    @Test
    void refusesTheSameIssuerTwice() {
        Map<String, String> properties = new HashMap<>(TestEhr.get().config());
        properties.put("precisionrx.cds.issuers.copy.issuer", TestEhr.get().issuer());
        properties.put("precisionrx.cds.issuers.copy.jwks-file", TestEhr.get().jwksFile().toString());
        properties.put("precisionrx.cds.issuers.copy.fhir-servers", "https://copy.example.org/fhir");

        assertStartupFails(properties, "is configured twice");
    }

    private static Map<String, String> entry(String keySourceProperty, String keySource) {
        Map<String, String> properties = new HashMap<>();
        properties.put(ENTRY + "issuer", "https://ehr.example.org");
        properties.put(ENTRY + "fhir-servers", "https://ehr.example.org/fhir");
        Optional.ofNullable(keySourceProperty).ifPresent(name -> properties.put(ENTRY + name, keySource));
        return properties;
    }

    private static void assertStartupFails(Map<String, String> properties, String message) {
        CdsIssuersConfig config = TestCdsConfig.from(properties);

        assertThatThrownBy(() -> new TrustedIssuers(config, HttpClient.newHttpClient(), Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(message);
    }
}
