package org.precisionrx.gateway.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.precisionrx.gateway.access.AccessGrant;
import org.precisionrx.gateway.access.Basis;
import org.precisionrx.gateway.access.PatientAccess;
import org.precisionrx.gateway.access.PatientAccess.Result;
import org.precisionrx.gateway.caller.CurrentCaller;
import org.precisionrx.gateway.downstream.RecommenderClient;
import org.precisionrx.gateway.problem.ProblemException;
import org.precisionrx.recommender.v1.ModelCardDocument;
import org.precisionrx.recommender.v1.ModelCards;

/** The model cards behind an indication's ranking: training data, intended use, metrics, limits. */
@Path("/api/v1/model-cards/{indicationId}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Model cards")
public class ModelCardResource {

    private final RecommenderClient recommender;
    private final ObjectMapper json;
    private final PatientAccess access;
    private final CurrentCaller caller;

    public ModelCardResource(RecommenderClient recommender, ObjectMapper json, PatientAccess access, CurrentCaller caller) {
        this.recommender = recommender;
        this.json = json;
        this.access = access;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The benefit and adverse-event model cards of the ranking served for an indication")
    public Response cards(@PathParam("indicationId") String indicationId) {
        if (!indicationId.matches("[a-z0-9-]{1,64}")) {
            throw ProblemException.badRequest("indicationId", "must be an indication id such as af-stroke-prevention");
        }
        AccessGrant grant = access.unscoped("model-card.read", caller.get().rolesForAudit(), Basis.ADMINISTRATION);
        ModelCards cards = access.perform(grant, () -> Result.success(recommender.modelCards(indicationId), indicationId));
        ObjectNode body = json.createObjectNode().put("indicationId", cards.getIndicationId())
                .put("modelSetVersion", cards.getModelSetVersion());
        ArrayNode list = body.putArray("cards");
        for (ModelCardDocument card : cards.getCardsList()) {
            try {
                list.addObject().put("id", card.getId()).put("role", card.getRole()).set("card", json.readTree(card.getJson()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("recommender-service sent a model card that is not JSON", e);
            }
        }
        return Response.ok(body).build();
    }
}
