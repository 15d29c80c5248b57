package org.precisionrx.dosage.grpc;

import com.google.rpc.Code;
import io.grpc.StatusRuntimeException;
import org.jboss.logging.Logger;
import org.precisionrx.common.v1.FieldViolation;
import org.precisionrx.grpc.Statuses;
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
            return Statuses.invalidArgument(invalid.field(), invalid.getMessage());
        }
        if (failure instanceof UnknownDrugException unknown) {
            return Statuses.of(Code.NOT_FOUND, unknown.getMessage());
        }
        // Messages of unexpected failures can quote patient values, so the details stay at DEBUG.
        LOG.errorf("unexpected failure: %s", failure.getClass().getName());
        LOG.debug("unexpected failure", failure);
        return Statuses.of(Code.INTERNAL, "internal error");
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
