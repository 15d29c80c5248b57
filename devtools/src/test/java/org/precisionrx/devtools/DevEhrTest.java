package org.precisionrx.devtools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Files;
import java.nio.file.Path;

import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevEhrTest {

    @TempDir
    Path dir;

    @Test
    void keepsItsKeyAcrossRunsOfTheLocalSuite() {
        DevEhr first = DevEhr.loadOrCreate(dir, "https://ehr.dev.precisionrx.local");
        DevEhr second = DevEhr.loadOrCreate(dir, "https://ehr.dev.precisionrx.local");

        assertThat(second.kid()).isEqualTo(first.kid());
        assertThat(dir.resolve(DevEhr.PRIVATE_KEY_FILE)).exists();
        assertThat(second.clientId()).isEqualTo("dev-ehr-client");
        assertThat(second.tenant()).isEqualTo("dev-tenant");
    }

    @Test
    void signsTokensThePublishedKeyVerifies() throws Exception {
        DevEhr ehr = DevEhr.ephemeral(dir, "https://ehr.test.example", "test-ehr-client", "test-tenant");
        String audience = "http://127.0.0.1:8104/cds-services/precisionrx-patient-view";

        JsonWebKeySet published = new JsonWebKeySet(Files.readString(ehr.jwksFile()));
        JwtClaims claims = new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(published.getJsonWebKeys()))
                .setExpectedIssuer("https://ehr.test.example")
                .setExpectedAudience(audience)
                .setRequireJwtId()
                .build().processToClaims(ehr.token(audience));

        assertThat(claims.getSubject()).isEqualTo("test-ehr-client");
        assertThat(claims.getStringClaimValue("tenant")).isEqualTo("test-tenant");
        assertThat(Files.readString(ehr.jwksFile())).doesNotContain("\"d\"");
    }

    @Test
    void configTrustsTheIssuerWithItsJwksFileAndFhirServer() {
        DevEhr ehr = DevEhr.ephemeral(dir, "https://ehr.dev.precisionrx.local");

        assertThat(ehr.config("dev-ehr")).containsOnly(
                entry("precisionrx.cds.issuers.dev-ehr.issuer", "https://ehr.dev.precisionrx.local"),
                entry("precisionrx.cds.issuers.dev-ehr.jwks-file", ehr.jwksFile().toString()),
                entry("precisionrx.cds.issuers.dev-ehr.fhir-servers", "https://ehr.dev.precisionrx.local/fhir"));
    }
}
