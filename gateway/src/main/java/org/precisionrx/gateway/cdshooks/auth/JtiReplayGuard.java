package org.precisionrx.gateway.cdshooks.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/**
 * Remembers the {@code jti} of every accepted CDS Hooks JWT until it expires, in PostgreSQL so that
 * all gateway replicas share one memory. The insert itself decides: with the primary key on
 * (issuer, jti), exactly one of two concurrent requests carrying the same token gets a row in.
 */
@ApplicationScoped
public class JtiReplayGuard {

    private static final Duration PURGE_INTERVAL = Duration.ofMinutes(1);

    private static final String REMEMBER = "INSERT INTO cds_jti (issuer, jti, expires_at) VALUES (?, ?, ?) "
            + "ON CONFLICT (issuer, jti) DO NOTHING";
    private static final String PURGE = "DELETE FROM cds_jti WHERE expires_at < ?";

    private final DataSource dataSource;
    private final Clock clock;
    private final AtomicReference<Instant> nextPurge = new AtomicReference<>(Instant.MIN);

    @Inject
    public JtiReplayGuard(DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    JtiReplayGuard(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Records a token id. True the first time; false when (issuer, jti) is already remembered, that is
     * the token is being replayed.
     *
     * @param rememberUntil when the token stops being acceptable (its {@code exp} plus clock skew)
     * @throws IllegalStateException when the database cannot be reached: the caller must refuse the
     *                               request (fail closed), typically with 503
     */
    public boolean firstUse(String issuer, String jti, Instant rememberUntil) {
        try (Connection connection = dataSource.getConnection()) {
            purgeExpiredIfDue(connection);
            try (PreparedStatement insert = connection.prepareStatement(REMEMBER)) {
                insert.setString(1, issuer);
                insert.setString(2, jti);
                insert.setObject(3, OffsetDateTime.ofInstant(rememberUntil, ZoneOffset.UTC));
                return insert.executeUpdate() == 1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record a CDS Hooks token id", e);
        }
    }

    /** Expired ids can never be replayed (the token is refused as expired), so their rows are dead weight. */
    private void purgeExpiredIfDue(Connection connection) throws SQLException {
        Instant now = clock.instant();
        Instant due = nextPurge.get();
        if (now.isBefore(due) || !nextPurge.compareAndSet(due, now.plus(PURGE_INTERVAL))) {
            return; // not yet, or another request is purging
        }
        try (PreparedStatement purge = connection.prepareStatement(PURGE)) {
            purge.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            purge.executeUpdate();
        }
    }
}
