package org.precisionrx.gateway.access;

import org.precisionrx.gateway.caller.Caller;

/**
 * An allowed access, as the policy decided it. Every gRPC call the gateway makes on a user's
 * behalf takes a grant, so no call is made, or audited, without a decision behind it.
 * {@code patientId} is null for accesses not about one patient (listings, bulk imports).
 */
public record AccessGrant(Caller caller, String requestId, String action, String patientId, Decision decision) {
}
