package org.precisionrx.gateway.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.precisionrx.dosage.kb.Indication;
import org.precisionrx.dosage.kb.KnowledgeBase;
import org.precisionrx.gateway.access.AccessGrant;
import org.precisionrx.gateway.access.Basis;
import org.precisionrx.gateway.access.PatientAccess;
import org.precisionrx.gateway.access.PatientAccess.Result;
import org.precisionrx.gateway.access.PatientAction;
import org.precisionrx.gateway.audit.AuditOutcome;
import org.precisionrx.gateway.downstream.RecommenderClient;
import org.precisionrx.gateway.problem.Validation;
import org.precisionrx.gateway.view.PatientRecommendations;
import org.precisionrx.gateway.view.ProtoJson;
import org.precisionrx.recommender.v1.RecommendRequest;
import org.precisionrx.recommender.v1.RecommendResponse;

@Path("/api/v1/patients/{patientId}/recommendations")
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Recommendations")
public class RecommendationResource {

    static final int MAX_OPTIONS = 20;

    private final PatientAccess access;
    private final RecommenderClient recommender;
    private final KnowledgeBase knowledgeBase;

    public RecommendationResource(PatientAccess access, RecommenderClient recommender, KnowledgeBase knowledgeBase) {
        this.access = access;
        this.recommender = recommender;
        this.knowledgeBase = knowledgeBase;
    }

    /** {@code maxOptions} 0 means all options; explanations default to on. */
    public record RecommendationQuery(String indicationId, Integer maxOptions, Boolean includeExplanations) {
    }

    @POST
    @Operation(summary = "Treatment options for an indication, ranked for this patient with benefit, risk, "
            + "uncertainty, reasons, safety status and dose ranges (plain words for the patient)")
    public Response recommend(@PathParam("patientId") String patientId, RecommendationQuery query) {
        String id = Validation.patientId(patientId, "patientId");
        new Validation().require(query != null, "body", "a JSON body with indicationId is required").throwIfInvalid();
        int maxOptions = query.maxOptions() == null ? 0 : query.maxOptions();
        new Validation()
                .require(query.indicationId() != null && !query.indicationId().isBlank(), "indicationId", "is required")
                .require(query.indicationId() == null || query.indicationId().length() <= 64, "indicationId", "is too long")
                .require(maxOptions >= 0 && maxOptions <= MAX_OPTIONS, "maxOptions", "must be between 0 (all) and " + MAX_OPTIONS)
                .throwIfInvalid();
        AccessGrant grant = access.require(PatientAction.RECOMMENDATIONS, id);
        RecommendRequest request = RecommendRequest.newBuilder().setPatientId(id).setIndicationId(query.indicationId())
                .setMaxOptions(maxOptions)
                .setIncludeExplanations(query.includeExplanations() == null || query.includeExplanations()).build();
        Object body = access.perform(grant, () -> {
            RecommendResponse response = recommender.recommend(grant, request);
            AuditOutcome outcome = response.getDegraded() ? AuditOutcome.PARTIAL : AuditOutcome.SUCCESS;
            String detail = response.getOptionsCount() + " options for " + response.getIndicationId()
                    + (response.getDegraded() ? ", without dosage-service" : "");
            Object view = grant.decision().basis() == Basis.OWN_RECORD
                    ? PatientRecommendations.of(indicationName(response.getIndicationId()), response)
                    : ProtoJson.json(response);
            return new Result<>(view, outcome, detail);
        });
        return Response.ok(body).build();
    }

    private String indicationName(String indicationId) {
        return knowledgeBase.indication(indicationId).map(Indication::name).orElse(indicationId);
    }
}
