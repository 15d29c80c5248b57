package org.precisionrx.gateway.cdshooks;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.precisionrx.gateway.access.AccessGrant;
import org.precisionrx.gateway.audit.AuditOutcome;
import org.precisionrx.gateway.cdshooks.auth.CdsAuthException;
import org.precisionrx.gateway.cdshooks.auth.CdsJwtVerifier;
import org.precisionrx.gateway.cdshooks.auth.EhrCaller;
import org.precisionrx.gateway.cdshooks.card.CdsResponse;
import org.precisionrx.gateway.problem.ProblemException;

/**
 * CDS Hooks 2.0 endpoints. Discovery is public; service calls and feedback are authenticated by
 * the EHR's signed JWT (not by Keycloak), audited like every other patient access.
 */
@Path("/cds-services")
@PermitAll
@Tag(name = "CDS Hooks")
public class CdsHooksResource {

    private final CdsJwtVerifier verifier;
    private final CdsConfig config;
    private final HookPatients patients;
    private final HookCards cards;
    private final HookAudit audit;
    private final FeedbackStore feedback;

    public CdsHooksResource(CdsJwtVerifier verifier, CdsConfig config, HookPatients patients,
            HookCards cards, HookAudit audit, FeedbackStore feedback) {
        this.verifier = verifier;
        this.config = config;
        this.patients = patients;
        this.cards = cards;
        this.audit = audit;
        this.feedback = feedback;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "CDS Hooks discovery: the services, their hooks and prefetch templates")
    public CdsServiceCatalog.Discovery discovery() {
        return CdsServiceCatalog.discovery();
    }

    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Calls a CDS service for a hook; answers cards")
    public CdsResponse call(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            JsonNode body) {
        CdsServiceCatalog.CdsService service = CdsServiceCatalog.find(id)
                .orElseThrow(() -> ProblemException.notFound("no CDS service " + id));
        String action = "cds." + service.id();
        EhrCaller ehr = authenticate(authorization, serviceUrl(service.id()), action);
        HookCall call = HookCall.parse(body, service.hook());
        AccessGrant lookup = audit.grant(ehr, action, null);
        HookPatients.Resolved patient;
        try {
            patient = patients.resolve(call, ehr, lookup);
        } catch (ProblemException e) {
            audit.completed(lookup, e.status() == 403 ? AuditOutcome.DENIED : AuditOutcome.FAILED, e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            // E.g. the profile service is down or the gateway's bulkhead for it is full (503, 429).
            throw audit.failed(lookup, e);
        }
        AccessGrant grant = audit.grant(ehr, action, patient.patientId());
        HookCards.Answer answer;
        try {
            answer = cards.answer(service, call, grant, patient.profile());
        } catch (RuntimeException e) {
            throw audit.failed(grant, e);
        }
        feedback.issued(service.id(), ehr.issuer(), patient.patientId(), call.hookInstance(), answer.cards());
        audit.completed(grant, answer.partial() ? AuditOutcome.PARTIAL : AuditOutcome.SUCCESS,
                answer.cards().size() + " cards from " + patient.source() + " data" + (answer.partial() ? ", partial" : ""));
        return new CdsResponse(answer.cards());
    }

    @POST
    @Path("/{id}/feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Feedback on cards: accepted suggestions or overrides with reasons")
    public JsonNode feedback(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            JsonNode body) {
        CdsServiceCatalog.CdsService service = CdsServiceCatalog.find(id)
                .orElseThrow(() -> ProblemException.notFound("no CDS service " + id));
        String action = "cds." + service.id() + ".feedback";
        EhrCaller ehr = authenticate(authorization, serviceUrl(service.id()) + "/feedback", action);
        List<FeedbackStore.Stored> stored = feedback.store(service.id(), ehr.issuer(), body);
        for (FeedbackStore.Stored item : stored) {
            audit.completed(audit.grant(ehr, action, item.patientId()), AuditOutcome.SUCCESS,
                    item.outcome() + " card " + item.cardUuid());
        }
        return JsonNodeFactory.instance.objectNode();
    }

    private EhrCaller authenticate(String authorization, String serviceUrl, String action) {
        try {
            return verifier.verify(authorization, serviceUrl);
        } catch (CdsAuthException e) {
            audit.denied(action, "unverified-ehr", null, "CDS Hooks JWT rejected: " + e.reason());
            throw new ProblemException(401, "Unauthorized", "the CDS Hooks JWT was rejected: " + e.reason());
        }
    }

    private String serviceUrl(String id) {
        String base = config.publicBaseUrl();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/cds-services/" + id;
    }
}
