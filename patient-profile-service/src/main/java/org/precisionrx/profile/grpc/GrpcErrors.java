package org.precisionrx.profile.grpc;

import java.util.List;

import com.google.rpc.Code;
import io.grpc.StatusRuntimeException;
import org.jboss.logging.Logger;
import org.precisionrx.grpc.Statuses;
import org.precisionrx.profile.fhir.FhirPayloadException;
import org.precisionrx.profile.ingest.ImportProblem;
import org.precisionrx.profile.repository.DatabaseOutage;
import org.precisionrx.profile.service.InvalidRecordException;
import org.precisionrx.profile.service.PatientNotFoundException;
import org.precisionrx.profile.service.VersionConflictException;
import org.precisionrx.profile.service.WriteConflicts;

/**
 * Maps failures to gRPC statuses. Bad input is INVALID_ARGUMENT with google.rpc.BadRequest field
 * violations; only a real server fault becomes INTERNAL, and then without internals in the message.
 */
final class GrpcErrors {

    private static final Logger LOG = Logger.getLogger(GrpcErrors.class);

    private GrpcErrors() {
    }

    static StatusRuntimeException toStatus(Throwable failure) {
        if (failure instanceof StatusRuntimeException status) {
            return status;
        }
        if (failure instanceof InvalidRecordException invalid) {
            return invalidArgument("invalid input: " + summary(invalid.problems()), invalid.problems());
        }
        if (failure instanceof FhirPayloadException payload) {
            return invalidArgument("unreadable FHIR payload: " + summary(payload.problems()), payload.problems());
        }
        if (failure instanceof PatientNotFoundException) {
            return status(Code.NOT_FOUND, failure.getMessage());
        }
        if (failure instanceof VersionConflictException) {
            return status(Code.ABORTED, failure.getMessage() + "; read the profile again and retry");
        }
        if (WriteConflicts.isConflict(failure)) {
            return status(Code.ABORTED, "the patient was changed concurrently; read the profile again and retry");
        }
        if (DatabaseOutage.causedBy(failure)) {
            LOG.warnf("database unavailable: %s", failure.getClass().getName());
            return status(Code.UNAVAILABLE, "the database is unavailable; retry shortly");
        }
        // Driver and ORM messages can quote stored values, so the details stay at DEBUG.
        LOG.errorf("unexpected failure: %s", failure.getClass().getName());
        LOG.debug("unexpected failure", failure);
        return status(Code.INTERNAL, "internal error");
    }

    static StatusRuntimeException invalidArgument(String message, List<ImportProblem> problems) {
        return Statuses.invalidArgument(message,
                problems.stream().map(p -> new Statuses.Violation(fieldPath(p), p.reason())).toList());
    }

    static StatusRuntimeException invalidArgument(String field, String reason) {
        return Statuses.invalidArgument(field, reason);
    }

    /** "resource.field", or just one of them when the other is missing or the same. */
    private static String fieldPath(ImportProblem p) {
        if (p.field() == null || p.field().isEmpty() || p.field().equals(p.resource())) {
            return p.resource();
        }
        return p.resource() == null || p.resource().isEmpty() ? p.field() : p.resource() + "." + p.field();
    }

    private static StatusRuntimeException status(Code code, String message) {
        return Statuses.of(code, message);
    }

    private static String summary(List<ImportProblem> problems) {
        ImportProblem first = problems.get(0);
        String more = problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "";
        return fieldPath(first) + ": " + first.reason() + more;
    }
}
