package org.precisionrx.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import org.junit.jupiter.api.Test;

class TransientTest {

    private final Transient retryable = new Transient();

    @Test
    void onlyUnavailableIsWorthRetrying() {
        assertThat(retryable.test(Status.UNAVAILABLE.asRuntimeException())).isTrue();
        for (Status status : new Status[] {Status.DEADLINE_EXCEEDED, Status.RESOURCE_EXHAUSTED, Status.INVALID_ARGUMENT,
                Status.NOT_FOUND, Status.ABORTED, Status.INTERNAL, Status.UNKNOWN}) {
            assertThat(retryable.test(status.asRuntimeException())).as(status.getCode().name()).isFalse();
        }
        assertThat(retryable.test(new IllegalStateException("not a gRPC failure"))).isFalse();
    }
}
