package org.precisionrx.dosage.grpc;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import org.jboss.logging.Logger;
import org.precisionrx.common.v1.FieldViolation;
import org.precisionrx.common.v1.ItemError;
import org.precisionrx.dosage.engine.InvalidRequestException;
import org.precisionrx.dosage.engine.UnknownDrugException;

/** Maps failures to gRPC statuses: bad input is INVALID_ARGUMENT with the field, never INTERNAL. */
final class GrpcErrors {

    private static final Logger LOG = Logger.getLogger(GrpcErrors.class);

    private GrpcErrors() {
    }

    static StatusRuntimeException toStatus(Throwable failure) {
        if (failure instanceof StatusRuntimeException status) {
            return status;
        }
        if (failure instanceof InvalidRequestException invalid) {
            return invalidArgument(invalid.field(), invalid.getMessage());
        }
        if (failure instanceof UnknownDrugException unknown) {
            return StatusProto.toStatusRuntimeException(Status.newBuilder()
                    .setCode(Code.NOT_FOUND_VALUE).setMessage(unknown.getMessage()).build());
        }
        LOG.errorf("unexpected failure: %s", failure.getClass().getName());
        LOG.debug("unexpected failure", failure);
        return StatusProto.toStatusRuntimeException(Status.newBuilder()
                .setCode(Code.INTERNAL_VALUE).setMessage("internal error").build());
    }

    static StatusRuntimeException invalidArgument(String field, String description) {
        BadRequest details = BadRequest.newBuilder().addFieldViolations(
                BadRequest.FieldViolation.newBuilder().setField(field).setDescription(description)).build();
        return StatusProto.toStatusRuntimeException(Status.newBuilder()
                .setCode(Code.INVALID_ARGUMENT_VALUE).setMessage(field + ": " + description)
                .addDetails(Any.pack(details)).build());
    }

    /** The same mapping for one item of a batch. */
    static ItemError toItemError(Throwable failure) {
        StatusRuntimeException status = toStatus(failure);
        ItemError.Builder error = ItemError.newBuilder()
                .setCode(status.getStatus().getCode().name())
                .setMessage(status.getStatus().getDescription() == null ? "" : status.getStatus().getDescription());
        if (failure instanceof InvalidRequestException invalid) {
            error.addViolations(FieldViolation.newBuilder().setField(invalid.field()).setDescription(invalid.getMessage()));
        }
        return error.build();
    }
}
