package org.precisionrx.bench.grpc;

import java.util.concurrent.CompletableFuture;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import org.precisionrx.bench.load.Outcome;

/** Turns a unary async-stub call into the generator's {@link Outcome}: an error is named by its gRPC code. */
final class UnaryObserver<T> implements StreamObserver<T> {

    final CompletableFuture<Outcome> outcome = new CompletableFuture<>();

    @Override
    public void onNext(T value) {
        // The answer's content is not checked under load; the scenarios' warm-up call checks it once.
    }

    @Override
    public void onError(Throwable failure) {
        Status status = Status.fromThrowable(failure);
        outcome.complete(Outcome.error("gRPC " + status.getCode(), status.getDescription()));
    }

    @Override
    public void onCompleted() {
        outcome.complete(Outcome.OK);
    }
}
