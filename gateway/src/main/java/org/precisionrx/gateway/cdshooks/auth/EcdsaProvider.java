package org.precisionrx.gateway.cdshooks.auth;

import java.security.Provider;
import java.security.Security;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.jose4j.jca.ProviderContext;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * ES384 signatures of EHR JWTs are verified with BouncyCastle, not the JDK. Under patient-view load
 * JDK 17's pure-Java P-384 arithmetic took about 85% of the gateway's CPU (about 2.5 ms per token);
 * BouncyCastle verifies in about 0.3 ms when it is handed its own key objects, which keep their
 * precomputed point tables from one token to the next (gateway README, Performance). The provider
 * is added at the end of the JCA list, so nothing else in the process changes providers.
 */
final class EcdsaProvider {

    private static final String NAME = BouncyCastleProvider.PROVIDER_NAME;

    static {
        if (Security.getProvider(NAME) == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
    }

    private EcdsaProvider() {
    }

    /** The EC key re-read through BouncyCastle (same parameters, kid, use and alg); other keys as they are. */
    static JsonWebKey verificationKey(JsonWebKey key) throws JoseException {
        if (key instanceof EllipticCurveJsonWebKey ec) {
            return new EllipticCurveJsonWebKey(ec.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY), NAME);
        }
        return key;
    }

    /** Tells jose4j to verify signatures made with keys of this kind through BouncyCastle when they are EC keys. */
    static ProviderContext forKey(JsonWebKey key) {
        ProviderContext context = new ProviderContext();
        if (key instanceof EllipticCurveJsonWebKey) {
            context.getSuppliedKeyProviderContext().setSignatureProvider(NAME);
        }
        return context;
    }

    /** The registered provider, for tests. */
    static Provider provider() {
        return Security.getProvider(NAME);
    }
}
