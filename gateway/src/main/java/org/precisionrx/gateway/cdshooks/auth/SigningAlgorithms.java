package org.precisionrx.gateway.cdshooks.auth;

import static org.jose4j.jws.AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384;
import static org.jose4j.jws.AlgorithmIdentifiers.RSA_USING_SHA384;

import java.util.Set;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.Use;
import org.jose4j.keys.EllipticCurves;

/**
 * The JWS algorithms an EHR may sign with (CDS Hooks 2.0: ES384 and RS384, nothing else) and which
 * keys fit them. Checking the key type too means a key is never used with an algorithm it was not
 * published for, whatever the token's header claims.
 */
final class SigningAlgorithms {

    private static final Set<String> ALLOWED = Set.of(ECDSA_USING_P384_CURVE_AND_SHA384, RSA_USING_SHA384);

    static final AlgorithmConstraints PERMITTED =
            new AlgorithmConstraints(ConstraintType.PERMIT, ECDSA_USING_P384_CURVE_AND_SHA384, RSA_USING_SHA384);

    private SigningAlgorithms() {
    }

    static boolean allowed(String alg) {
        return alg != null && ALLOWED.contains(alg);
    }

    static boolean fits(JsonWebKey key, String alg) {
        if (key.getUse() != null && !Use.SIGNATURE.equals(key.getUse())) {
            return false;
        }
        if (key.getAlgorithm() != null && !key.getAlgorithm().equals(alg)) {
            return false;
        }
        switch (alg) {
            case ECDSA_USING_P384_CURVE_AND_SHA384:
                return key instanceof EllipticCurveJsonWebKey ec && EllipticCurves.P_384.equals(ec.getCurveName());
            case RSA_USING_SHA384:
                return key instanceof RsaJsonWebKey;
            default:
                return false;
        }
    }
}
