package org.precisionrx.gateway.cdshooks.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.junit.jupiter.api.Test;

/** EHR EC keys are read into BouncyCastle key objects (the fast path); everything about them stays the same. */
class EcdsaProviderTest {

    private static final TestEhr EHR = TestEhr.get();

    @Test
    void ecKeysFromAJwkSetAreBouncyCastleKeysWithTheSameParameters() {
        JwksSource source = JwksSource.fromFile(EHR.jwksFile(), Clock.systemUTC());

        JsonWebKey key = source.find(EHR.kid(), AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384).orElseThrow();

        assertThat(key).isInstanceOf(EllipticCurveJsonWebKey.class);
        assertThat(key.getKey().getClass().getName()).startsWith("org.bouncycastle.");
        assertThat(key.getKeyId()).isEqualTo(EHR.kid());
        assertThat(((EllipticCurveJsonWebKey) key).getCurveName()).isEqualTo("P-384");
        // Same point on the same curve as the JDK reads from the JWK.
        ECPublicKey bc = (ECPublicKey) key.getKey();
        ECPublicKey jdk = (ECPublicKey) jdkKey(key).getKey();
        assertThat(bc.getW()).isEqualTo(jdk.getW());
        assertThat(bc.getParams().getOrder()).isEqualTo(jdk.getParams().getOrder());
        assertThat(EcdsaProvider.forKey(key).getSuppliedKeyProviderContext().getSignatureProvider())
                .isEqualTo(EcdsaProvider.provider().getName());
    }

    @Test
    void rsaKeysAreLeftToTheJdk() throws Exception {
        RsaJsonWebKey rsa = RsaJwkGenerator.generateJwk(2048);

        assertThat(EcdsaProvider.verificationKey(rsa)).isSameAs(rsa);
        assertThat(EcdsaProvider.forKey(rsa).getSuppliedKeyProviderContext().getSignatureProvider()).isNull();
    }

    private static JsonWebKey jdkKey(JsonWebKey key) {
        try {
            return JsonWebKey.Factory.newJwk(key.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
