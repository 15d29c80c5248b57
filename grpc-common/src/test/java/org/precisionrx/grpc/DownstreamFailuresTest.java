package org.precisionrx.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.Test;

class DownstreamFailuresTest {

    private final Transient retryable = new Transient();

    @Test
    void requestFaultsPassUnchangedAndServiceFaultsNameTheServiceButKeepTheirCode() {
        StatusRuntimeException notFound = Status.NOT_FOUND.withDescription("no such patient").asRuntimeException();
        assertThat(DownstreamFailures.of("profile-service", notFound)).isSameAs(notFound);

        StatusRuntimeException late = DownstreamFailures.of("profile-service", Status.DEADLINE_EXCEEDED.asRuntimeException());
        assertThat(late.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(late.getStatus().getDescription()).isEqualTo("profile-service did not answer (DEADLINE_EXCEEDED)");
        assertThat(retryable.test(late)).as("the time budget is spent: not retried").isFalse();

        StatusRuntimeException down = DownstreamFailures.of("profile-service", Status.UNAVAILABLE.asRuntimeException());
        assertThat(retryable.test(down)).isTrue();
        assertThat(DownstreamFailures.of("other", down)).isSameAs(down);
    }

    @Test
    void refusalsByTheClientItselfAreFastAndSaySo() {
        RuntimeException open = DownstreamFailures.refused("dosage-service", new CircuitBreakerOpenException());
        assertThat(((StatusRuntimeException) open).getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(open.getMessage()).contains("dosage-service", "circuit breaker is open");

        RuntimeException full = DownstreamFailures.refused("dosage-service", new BulkheadException());
        assertThat(((StatusRuntimeException) full).getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        assertThat(retryable.test(full)).isFalse();

        StatusRuntimeException notFound = Status.NOT_FOUND.asRuntimeException();
        assertThat(DownstreamFailures.refused("dosage-service", notFound)).isSameAs(notFound);
    }

    @Test
    void describedInWordsThatSayWhetherTheServiceAnsweredAndNameIt() {
        assertThat(DownstreamFailures.describe("dosage-service", Status.INVALID_ARGUMENT.withDescription("requests: give between 1 and 50 requests")
                .asRuntimeException())).isEqualTo("dosage-service refused the request (INVALID_ARGUMENT: requests: give between 1 and 50 requests)");
        assertThat(DownstreamFailures.describe("dosage-service", Status.NOT_FOUND.asRuntimeException()))
                .isEqualTo("dosage-service refused the request (NOT_FOUND)");

        assertThat(DownstreamFailures.describe("dosage-service", DownstreamFailures.of("dosage-service", Status.INTERNAL.asRuntimeException())))
                .isEqualTo("dosage-service did not answer (INTERNAL)");
        assertThat(DownstreamFailures.describe("dosage-service", new CircuitBreakerOpenException()))
                .isEqualTo("dosage-service is failing; not called while its circuit breaker is open");
        assertThat(DownstreamFailures.describe("dosage-service", new BulkheadException()))
                .isEqualTo("too many calls to dosage-service in flight; retry shortly");
        assertThat(DownstreamFailures.describe("dosage-service", Status.DEADLINE_EXCEEDED
                .withDescription("not calling dosage-service: the caller's deadline has passed").asRuntimeException()))
                .isEqualTo("not calling dosage-service: the caller's deadline has passed");
        assertThat(DownstreamFailures.describe("dosage-service", new IllegalStateException("bug")))
                .isEqualTo("the call to dosage-service failed (java.lang.IllegalStateException: bug)");
    }
}
