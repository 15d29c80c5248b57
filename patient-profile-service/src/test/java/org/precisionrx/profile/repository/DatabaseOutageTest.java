package org.precisionrx.profile.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;

import jakarta.persistence.PersistenceException;

import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

    @Test
    void aBrokenConnectionIsAnOutage() {
        SQLException ioError = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        assertThat(DatabaseOutage.causedBy(new PersistenceException("flush failed", ioError))).isTrue();
        assertThat(DatabaseOutage.causedBy(new JDBCConnectionException("could not prepare", ioError))).isTrue();
    }

    @Test
    void aServerShuttingDownOrStartingIsAnOutage() {
        assertThat(DatabaseOutage.causedBy(new SQLException("terminating connection due to crash", "57P02"))).isTrue();
        assertThat(DatabaseOutage.causedBy(new SQLException("the database system is starting up", "57P03"))).isTrue();
    }

    @Test
    void thePoolGivingUpOnAServerItCannotReachIsAnOutage() {
        SQLException timeout = new SQLException("Acquisition timeout while waiting for new connection",
                new ConnectException("Connection refused"));
        assertThat(DatabaseOutage.causedBy(new PersistenceException(timeout))).isTrue();
        assertThat(DatabaseOutage.causedBy(new SQLException("Acquisition timeout while waiting for new connection"))).isTrue();
    }

    @Test
    void aFailureOfTheRequestItselfIsNot() {
        SQLException duplicate = new SQLException("duplicate key value violates unique constraint", "23505");
        assertThat(DatabaseOutage.causedBy(new ConstraintViolationException("duplicate", duplicate, "uq_identifier"))).isFalse();
        assertThat(DatabaseOutage.causedBy(new PersistenceException("optimistic lock"))).isFalse();
        assertThat(DatabaseOutage.causedBy(new IllegalStateException("bug"))).isFalse();
    }
}
