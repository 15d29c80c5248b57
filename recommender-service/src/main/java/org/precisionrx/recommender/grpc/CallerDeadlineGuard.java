package org.precisionrx.recommender.grpc;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.grpc.GlobalInterceptor;
import org.precisionrx.grpc.CallerDeadlineInterceptor;

/**
 * Every call runs with its caller's deadline, so the calls to patient-profile-service and
 * dosage-service get the sooner of their own deadline and what is left of the caller's.
 */
@GlobalInterceptor
@ApplicationScoped
public class CallerDeadlineGuard extends CallerDeadlineInterceptor {
}
