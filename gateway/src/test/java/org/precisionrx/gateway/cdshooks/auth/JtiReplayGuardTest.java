package org.precisionrx.gateway.cdshooks.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JtiReplayGuardTest {

    private static final String ISSUER = "https://ehr.example.org";

    private static DataSource dataSource;

    private MutableClock clock;
    private JtiReplayGuard guard;

    @BeforeAll
    static void createDatabase() {
        dataSource = JtiTestDatabase.create("replay");
    }

    @BeforeEach
    void newGuard() {
        clock = new MutableClock(Instant.now());
        guard = new JtiReplayGuard(dataSource, clock);
    }

    @Test
    void acceptsAnIdOnceThenCallsItAReplay() {
        String jti = UUID.randomUUID().toString();

        assertThat(guard.firstUse(ISSUER, jti, inMinutes(5))).isTrue();
        assertThat(guard.firstUse(ISSUER, jti, inMinutes(5))).isFalse();
    }

    @Test
    void keepsIdsApartPerIssuer() {
        String jti = UUID.randomUUID().toString();

        assertThat(guard.firstUse(ISSUER, jti, inMinutes(5))).isTrue();
        assertThat(guard.firstUse("https://other-ehr.example.org", jti, inMinutes(5))).isTrue();
    }

    @Test
    void replicasShareOneMemory() {
        String jti = UUID.randomUUID().toString();
        JtiReplayGuard otherReplica = new JtiReplayGuard(dataSource, clock);

        assertThat(guard.firstUse(ISSUER, jti, inMinutes(5))).isTrue();
        assertThat(otherReplica.firstUse(ISSUER, jti, inMinutes(5))).isFalse();
    }

    @Test
    void letsExactlyOneOfManyConcurrentUsesThrough() throws Exception {
        String jti = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> uses = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                uses.add(() -> guard.firstUse(ISSUER, jti, inMinutes(5)));
            }
            int accepted = 0;
            for (Future<Boolean> use : pool.invokeAll(uses)) {
                accepted += use.get() ? 1 : 0;
            }
            assertThat(accepted).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void purgesExpiredIdsNowAndThen() throws SQLException {
        String shortLived = UUID.randomUUID().toString();
        String longLived = UUID.randomUUID().toString();
        guard.firstUse(ISSUER, shortLived, inMinutes(1));
        guard.firstUse(ISSUER, longLived, inMinutes(10));

        clock.advance(Duration.ofMinutes(2));
        guard.firstUse(ISSUER, UUID.randomUUID().toString(), inMinutes(5));

        assertThat(stored(shortLived)).isFalse();
        assertThat(stored(longLived)).isTrue();
    }

    private Instant inMinutes(long minutes) {
        return clock.instant().plus(Duration.ofMinutes(minutes));
    }

    private static boolean stored(String jti) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT 1 FROM cds_jti WHERE issuer = ? AND jti = ?")) {
            query.setString(1, ISSUER);
            query.setString(2, jti);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }
}
