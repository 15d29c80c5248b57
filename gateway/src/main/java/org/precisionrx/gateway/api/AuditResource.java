package org.precisionrx.gateway.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.precisionrx.gateway.access.AccessGrant;
import org.precisionrx.gateway.access.Basis;
import org.precisionrx.gateway.access.PatientAccess;
import org.precisionrx.gateway.access.PatientAccess.Result;
import org.precisionrx.gateway.audit.AuditChainVerifier;
import org.precisionrx.gateway.audit.AuditEntry;
import org.precisionrx.gateway.audit.AuditFilter;
import org.precisionrx.gateway.audit.AuditOutcome;
import org.precisionrx.gateway.audit.AuditSearch;
import org.precisionrx.gateway.audit.ChainReport;
import org.precisionrx.gateway.audit.FhirAuditEvents;
import org.precisionrx.gateway.caller.Role;
import org.precisionrx.gateway.problem.ProblemException;
import org.precisionrx.gateway.problem.Validation;

/**
 * The privacy officer's view: who accessed which patient, when and why, exportable as FHIR
 * AuditEvent, and a check that no record was changed or removed. Auditors see no clinical data:
 * the trail holds none. Their own queries are audited too.
 */
@Path("/api/v1/audit")
@RolesAllowed(Role.AUDITOR)
@Tag(name = "Audit")
public class AuditResource {

    static final String FHIR_JSON = "application/fhir+json";

    private final PatientAccess access;
    private final AuditSearch search;
    private final AuditChainVerifier verifier;

    public AuditResource(PatientAccess access, AuditSearch search, AuditChainVerifier verifier) {
        this.access = access;
        this.search = search;
        this.verifier = verifier;
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, FHIR_JSON })
    @Operation(summary = "Audit records in sequence order, filtered; as a FHIR Bundle of AuditEvent with ?format=fhir")
    public Response query(@QueryParam("patientId") String patientId, @QueryParam("subject") String subject,
            @QueryParam("action") String action, @QueryParam("outcome") String outcome,
            @QueryParam("emergency") Boolean emergency, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("after") Long after, @QueryParam("limit") @DefaultValue("100") int limit,
            @QueryParam("format") @DefaultValue("json") String format) {
        new Validation().require(limit >= 1 && limit <= 1000, "limit", "must be between 1 and 1000")
                .require(after == null || after >= 0, "after", "must be a sequence number (0 or more)")
                .require("json".equals(format) || "fhir".equals(format), "format", "must be json or fhir")
                .throwIfInvalid();
        AuditFilter filter = new AuditFilter(
                patientId == null ? null : Validation.patientId(patientId, "patientId"),
                bounded(subject, "subject"), bounded(action, "action"), outcome(outcome), emergency,
                instant(from, "from"), instant(to, "to"), after, limit);
        return respond(filter, "fhir".equals(format), "audit.query");
    }

    @GET
    @Path("/break-glass")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Emergency (break-glass) accesses, for review")
    public Response breakGlass(@QueryParam("after") Long after, @QueryParam("limit") @DefaultValue("100") int limit) {
        new Validation().require(limit >= 1 && limit <= 1000, "limit", "must be between 1 and 1000").throwIfInvalid();
        return respond(new AuditFilter(null, null, null, null, Boolean.TRUE, null, null, after, limit), false, "audit.break-glass-review");
    }

    @GET
    @Path("/verify")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Verifies the hash chain; reports the first broken link")
    public ChainReport verify() {
        AccessGrant grant = access.unscoped("audit.verify", Role.AUDITOR, Basis.ADMINISTRATION);
        return access.perform(grant, () -> {
            ChainReport report = verifier.verify();
            return Result.success(report, report.intact() ? "chain intact" : "chain broken at " + report.firstBrokenSequence());
        });
    }

    private Response respond(AuditFilter filter, boolean fhir, String action) {
        AccessGrant grant = access.unscoped(action, Role.AUDITOR, Basis.ADMINISTRATION);
        List<AuditEntry> entries = access.perform(grant, () -> {
            List<AuditEntry> found = search.find(filter);
            return Result.success(found, found.size() + " records" + (filter.patientId() != null ? " for one patient" : ""));
        });
        return fhir
                ? Response.ok(FhirAuditEvents.bundleJson(entries), FHIR_JSON).build()
                : Response.ok(entries, MediaType.APPLICATION_JSON).build();
    }

    private static String bounded(String value, String field) {
        if (value != null && (value.isBlank() || value.length() > 200)) {
            throw ProblemException.badRequest(field, "must be 1 to 200 characters");
        }
        return value;
    }

    private static AuditOutcome outcome(String value) {
        if (value == null) {
            return null;
        }
        try {
            return AuditOutcome.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("outcome", "must be one of SUCCESS, PARTIAL, DENIED, FAILED");
        }
    }

    private static Instant instant(String value, String field) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, "must be an ISO 8601 instant, e.g. 2026-11-25T10:00:00Z");
        }
    }
}
