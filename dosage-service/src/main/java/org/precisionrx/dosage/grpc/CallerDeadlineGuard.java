package org.precisionrx.dosage.grpc;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.grpc.GlobalInterceptor;
import org.precisionrx.grpc.CallerDeadlineInterceptor;

/**
 * Every call runs with its caller's deadline, so a call to patient-profile-service gets the sooner
 * of its own deadline and what is left of the caller's.
 */
@GlobalInterceptor
@ApplicationScoped
public class CallerDeadlineGuard extends CallerDeadlineInterceptor {
}
