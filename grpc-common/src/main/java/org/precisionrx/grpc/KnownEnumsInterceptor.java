package org.precisionrx.grpc;

import java.util.List;

import com.google.protobuf.Message;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.StatusRuntimeException;

/**
 * Refuses every request message with an unknown enum number ({@link KnownEnums}) with
 * INVALID_ARGUMENT before the service sees it. Each service registers it as a global interceptor.
 */
public class KnownEnumsInterceptor implements ServerInterceptor {

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        return new SimpleForwardingServerCallListener<>(next.startCall(call, headers)) {

            private boolean refused;

            @Override
            public void onMessage(Q message) {
                List<Statuses.Violation> unknown = message instanceof Message m ? KnownEnums.violations(m) : List.of();
                if (unknown.isEmpty()) {
                    super.onMessage(message);
                    return;
                }
                refused = true;
                StatusRuntimeException status = Statuses.invalidArgument(unknown.get(0).field() + ": "
                        + unknown.get(0).description(), unknown);
                call.close(status.getStatus(), status.getTrailers() == null ? new Metadata() : status.getTrailers());
            }

            @Override
            public void onHalfClose() {
                // A refused call is closed already: the service must not run without its message.
                if (!refused) {
                    super.onHalfClose();
                }
            }

            @Override
            public void onReady() {
                if (!refused) {
                    super.onReady();
                }
            }
        };
    }
}
