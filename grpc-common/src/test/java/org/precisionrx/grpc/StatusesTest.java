package org.precisionrx.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.google.rpc.BadRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.Test;

class StatusesTest {

    @Test
    void invalidArgumentCarriesEveryViolationInOrder() throws Exception {
        List<Statuses.Violation> violations = List.of(
                new Statuses.Violation("order.unit", "not a mass unit"),
                new Statuses.Violation("order.amount", "must be positive"));
        StatusRuntimeException e = Statuses.invalidArgument("2 problems", violations);

        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(e.getStatus().getDescription()).isEqualTo("2 problems");
        BadRequest details = StatusProto.fromThrowable(e).getDetails(0).unpack(BadRequest.class);
        assertThat(details.getFieldViolationsList()).extracting(BadRequest.FieldViolation::getField)
                .containsExactly("order.unit", "order.amount");
    }

    @Test
    void unaryAnswersWithTheResultOrTheMappedError() {
        Recorder<String> ok = new Recorder<>();
        Unary.respond(ok, () -> "done", e -> Statuses.of(com.google.rpc.Code.INTERNAL, "no"));
        assertThat(ok.events).containsExactly("next:done", "completed");

        Recorder<String> failed = new Recorder<>();
        Unary.respond(failed, () -> {
            throw new IllegalStateException("boom");
        }, e -> Statuses.invalidArgument("field", e.getMessage()));
        assertThat(failed.events).containsExactly("error:INVALID_ARGUMENT");
    }

    private static final class Recorder<T> implements StreamObserver<T> {
        final List<String> events = new ArrayList<>();

        @Override
        public void onNext(T value) {
            events.add("next:" + value);
        }

        @Override
        public void onError(Throwable t) {
            events.add("error:" + Status.fromThrowable(t).getCode());
        }

        @Override
        public void onCompleted() {
            events.add("completed");
        }
    }
}
