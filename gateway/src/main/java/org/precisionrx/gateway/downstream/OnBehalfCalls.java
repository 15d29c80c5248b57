package org.precisionrx.gateway.downstream;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import com.google.rpc.BadRequest;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import org.precisionrx.gateway.access.AccessGrant;
import org.precisionrx.gateway.audit.AuditOutcome;
import org.precisionrx.gateway.audit.AuditRecord;
import org.precisionrx.gateway.audit.AuditTrail;
import org.precisionrx.gateway.problem.Problem.Violation;

/**
 * Makes one gRPC call on a user's behalf: audits it first (no record, no call), sends the request
 * id and the user's subject as metadata so the services' logs line up, sets the deadline, and turns
 * gRPC failures into "unavailable" (trips circuit breakers) or "rejected" (the request's fault).
 */
@ApplicationScoped
public class OnBehalfCalls {

    static final Metadata.Key<String> REQUEST_ID = Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> ON_BEHALF_OF = Metadata.Key.of("x-on-behalf-of", Metadata.ASCII_STRING_MARSHALLER);

    private final AuditTrail audit;

    public OnBehalfCalls(AuditTrail audit) {
        this.audit = audit;
    }

    public <S extends AbstractStub<S>, R> R call(AccessGrant grant, String service, String method, S stub,
            Duration deadline, Function<S, R> call) {
        audit.append(new AuditRecord(grant.requestId(), grant.caller().subject(), grant.decision().role(),
                grant.caller().clientForAudit(), grant.patientId(), "grpc:" + service + "/" + method,
                grant.decision().basis().purposeOfUse(), grant.decision().reason(), AuditOutcome.SUCCESS,
                grant.decision().emergency(), "sent on behalf of the caller for " + grant.action()));
        Metadata headers = new Metadata();
        headers.put(REQUEST_ID, grant.requestId());
        headers.put(ON_BEHALF_OF, grant.caller().subject());
        S prepared = stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
                .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return call.apply(prepared);
        } catch (StatusRuntimeException e) {
            throw translate(service, e);
        }
    }

    static RuntimeException translate(String service, StatusRuntimeException e) {
        Status.Code code = e.getStatus().getCode();
        return switch (code) {
            case UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, INTERNAL, UNKNOWN, CANCELLED ->
                    new DownstreamUnavailableException(service, code);
            default -> new DownstreamRejectedException(code, e.getStatus().getDescription(), violations(e));
        };
    }

    private static List<Violation> violations(StatusRuntimeException e) {
        com.google.rpc.Status status = StatusProto.fromThrowable(e);
        if (status == null) {
            return List.of();
        }
        return status.getDetailsList().stream()
                .filter(any -> any.is(BadRequest.class))
                .flatMap(any -> {
                    try {
                        return any.unpack(BadRequest.class).getFieldViolationsList().stream();
                    } catch (com.google.protobuf.InvalidProtocolBufferException bad) {
                        return Stream.empty();
                    }
                })
                .map(v -> new Violation(v.getField(), v.getDescription()))
                .toList();
    }
}
