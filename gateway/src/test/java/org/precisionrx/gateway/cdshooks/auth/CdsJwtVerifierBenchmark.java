package org.precisionrx.gateway.cdshooks.auth;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.jose4j.base64url.Base64Url;
import org.jose4j.jws.EcdsaUsingShaAlgorithm;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Verifying a CDS Hooks EHR JWT (ES384) with the real {@link CdsJwtVerifier}, its real issuer
 * configuration and a JWK Set file written by the test EHR. A verification has two costs, measured
 * apart because the replay check is a PostgreSQL insert and a token can pass it only once:
 * {@code signatureAndClaims} is every check except the replay one (the guard here admits every
 * jti), {@code replayGuardFirstUse} is the real guard recording a new jti in PostgreSQL over one
 * kept connection (as from the gateway's pool). {@code jdkSignatureOnly} checks the same signature
 * with the JDK's SunEC provider, which the verifier used before it moved ES384 to BouncyCastle. A full
 * verification costs about their sum. In this package to reuse the verifier tests' EHR and config.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CdsJwtVerifierBenchmark {

    private static final String SERVICE_URL = "https://gateway.bench.precisionrx.org/cds-services/prx-dose-check";

    private CdsJwtVerifier verifier;
    private JtiReplayGuard replayGuard;
    private String authorization;
    private byte[] signingInput;
    private byte[] derSignature;
    private PublicKey jdkKey;
    private final AtomicLong jti = new AtomicLong();

    @Setup(Level.Trial)
    public void setUp() {
        TestEhr ehr = TestEhr.get();
        verifier = new CdsJwtVerifier(TestCdsConfig.from(ehr.config()), new AdmitsEveryJti());
        replayGuard = new JtiReplayGuard(pooled(JtiTestDatabase.create("bench")));
    }

    /** A fresh token per iteration, so that a long run never measures an expired one. */
    @Setup(Level.Iteration)
    public void newToken() {
        String token = TestEhr.get().token(SERVICE_URL);
        authorization = TestTokens.bearer(token);
        signingInput = token.substring(0, token.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);
        try {
            derSignature = EcdsaUsingShaAlgorithm.convertConcatenatedToDer(
                    Base64Url.decode(token.substring(token.lastIndexOf('.') + 1)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        jdkKey = TestEhr.get().key().getPublicKey();
    }

    @Benchmark
    public EhrCaller signatureAndClaims() {
        return verifier.verify(authorization, SERVICE_URL);
    }

    /** For comparison: the same ES384 signature checked by the JDK's own provider (SunEC), as before BouncyCastle. */
    @Benchmark
    public boolean jdkSignatureOnly() throws GeneralSecurityException {
        Signature signature = Signature.getInstance("SHA384withECDSA", "SunEC");
        signature.initVerify(jdkKey);
        signature.update(signingInput);
        return signature.verify(derSignature);
    }

    @Benchmark
    public boolean replayGuardFirstUse() {
        return replayGuard.firstUse("https://ehr.bench.precisionrx.org", "jti-" + jti.incrementAndGet(),
                Instant.now().plusSeconds(360));
    }

    /**
     * One connection held open and handed out again, as the gateway's Agroal pool does; the test
     * database's plain data source would open a new connection per call and measure that instead.
     */
    private static DataSource pooled(DataSource plain) {
        Connection held;
        try {
            held = plain.getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        Connection kept = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, args) -> method.getName().equals("close") ? null : invoke(method, held, args));
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> method.getName().equals("getConnection") ? kept : invoke(method, plain, args));
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The replay check stands apart (see the class comment): every jti counts as new. */
    private static final class AdmitsEveryJti extends JtiReplayGuard {
        AdmitsEveryJti() {
            super(null);
        }

        @Override
        public boolean firstUse(String issuer, String jti, Instant rememberUntil) {
            return true;
        }
    }
}
