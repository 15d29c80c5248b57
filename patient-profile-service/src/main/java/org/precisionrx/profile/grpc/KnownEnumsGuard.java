package org.precisionrx.profile.grpc;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.grpc.GlobalInterceptor;
import org.precisionrx.grpc.KnownEnumsInterceptor;

/** Every request with an enum number the contract does not define is INVALID_ARGUMENT, before any RPC runs. */
@GlobalInterceptor
@ApplicationScoped
public class KnownEnumsGuard extends KnownEnumsInterceptor {
}
