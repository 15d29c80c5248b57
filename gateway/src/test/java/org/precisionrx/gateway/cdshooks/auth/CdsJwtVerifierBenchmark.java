package org.precisionrx.gateway.cdshooks.auth;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

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
 * jti), {@code replayGuardFirstUse} is the real guard recording a new jti in PostgreSQL. A full
 * verification costs about their sum. In this package to reuse the verifier tests' EHR and config.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class CdsJwtVerifierBenchmark {

    private static final String SERVICE_URL = "https://gateway.bench.precisionrx.org/cds-services/prx-dose-check";

    private CdsJwtVerifier verifier;
    private JtiReplayGuard replayGuard;
    private String authorization;
    private final AtomicLong jti = new AtomicLong();

    @Setup(Level.Trial)
    public void setUp() {
        TestEhr ehr = TestEhr.get();
        verifier = new CdsJwtVerifier(TestCdsConfig.from(ehr.config()), new AdmitsEveryJti());
        DataSource jtiStore = JtiTestDatabase.create("bench");
        replayGuard = new JtiReplayGuard(jtiStore);
    }

    /** A fresh token per iteration, so that a long run never measures an expired one. */
    @Setup(Level.Iteration)
    public void newToken() {
        authorization = TestTokens.bearer(TestEhr.get().token(SERVICE_URL));
    }

    @Benchmark
    public EhrCaller signatureAndClaims() {
        return verifier.verify(authorization, SERVICE_URL);
    }

    @Benchmark
    public boolean replayGuardFirstUse() {
        return replayGuard.firstUse("https://ehr.bench.precisionrx.org", "jti-" + jti.incrementAndGet(),
                Instant.now().plusSeconds(360));
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
