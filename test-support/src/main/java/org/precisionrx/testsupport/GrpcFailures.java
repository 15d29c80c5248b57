package org.precisionrx.testsupport;

import java.util.List;
import java.util.function.Supplier;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/**
 * How a gRPC call failed, for the services' hostile-input tests: the status and the fields named
 * by its {@code google.rpc.BadRequest} detail.
 */
public final class GrpcFailures {

    private GrpcFailures() {
    }

    /** The call's failure; an {@link AssertionError} if it answered instead. */
    public static StatusRuntimeException of(Supplier<?> call) {
        Object answer;
        try {
            answer = call.get();
        } catch (StatusRuntimeException e) {
            return e;
        }
        throw new AssertionError("expected the call to fail, it answered " + answer);
    }

    public static Status.Code code(StatusRuntimeException e) {
        return e.getStatus().getCode();
    }

    /** The field paths of the BadRequest detail, in order; empty when there is none. */
    public static List<String> violatedFields(StatusRuntimeException e) {
        com.google.rpc.Status status = StatusProto.fromThrowable(e);
        if (status == null) {
            return List.of();
        }
        return status.getDetailsList().stream().filter(any -> any.is(BadRequest.class)).flatMap(any -> {
            try {
                return any.unpack(BadRequest.class).getFieldViolationsList().stream();
            } catch (InvalidProtocolBufferException ex) {
                throw new IllegalStateException("unreadable BadRequest detail", ex);
            }
        }).map(BadRequest.FieldViolation::getField).toList();
    }

    /** {@code bytes} bytes of filler, to make a message larger than a server accepts. */
    public static ByteString filler(int bytes) {
        return ByteString.copyFrom(new byte[bytes]);
    }
}
