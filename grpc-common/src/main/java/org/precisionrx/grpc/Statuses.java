package org.precisionrx.grpc;

import java.util.List;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/** gRPC statuses as the suite returns them: bad input carries google.rpc.BadRequest field violations. */
public final class Statuses {

    private Statuses() {
    }

    /** One field of a request and what is wrong with it. */
    public record Violation(String field, String description) {
    }

    /** INVALID_ARGUMENT with the field violations, in order. */
    public static StatusRuntimeException invalidArgument(String message, List<Violation> violations) {
        BadRequest.Builder details = BadRequest.newBuilder();
        violations.forEach(v -> details.addFieldViolations(
                BadRequest.FieldViolation.newBuilder().setField(v.field()).setDescription(v.description())));
        return StatusProto.toStatusRuntimeException(Status.newBuilder()
                .setCode(Code.INVALID_ARGUMENT_VALUE)
                .setMessage(message)
                .addDetails(Any.pack(details.build()))
                .build());
    }

    /** INVALID_ARGUMENT for one field. */
    public static StatusRuntimeException invalidArgument(String field, String description) {
        return invalidArgument(field + ": " + description, List.of(new Violation(field, description)));
    }

    public static StatusRuntimeException of(Code code, String message) {
        return StatusProto.toStatusRuntimeException(Status.newBuilder().setCode(code.getNumber()).setMessage(message).build());
    }
}
