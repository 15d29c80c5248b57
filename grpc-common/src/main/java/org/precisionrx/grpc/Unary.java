package org.precisionrx.grpc;

import java.util.function.Function;
import java.util.function.Supplier;

import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;

/** Answers a unary call: the result, or the failure mapped to a status; never both, never neither. */
public final class Unary {

    private Unary() {
    }

    public static <T> void respond(StreamObserver<T> response, Supplier<T> work,
            Function<RuntimeException, StatusRuntimeException> errors) {
        T result;
        try {
            result = work.get();
        } catch (RuntimeException e) {
            response.onError(errors.apply(e));
            return;
        }
        response.onNext(result);
        response.onCompleted();
    }
}
