package org.precisionrx.gateway.web;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.precisionrx.dosage.kb.Indication;
import org.precisionrx.dosage.kb.KnowledgeBase;

/**
 * The web page's public settings: where to log in, and the formulary's indications and drugs for
 * its pickers. Nothing here is about a patient, so it is served without a token.
 */
@Path("/app/config.json")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Web page")
public class WebConfigResource {

    /** The indications the recommender ranks; the others have dose rules only. */
    static final List<String> RANKED = List.of("af-stroke-prevention", "acs-pci", "hyperlipidaemia", "depression");

    private final WebConfig config;
    private final KnowledgeBase knowledgeBase;

    public WebConfigResource(WebConfig config, KnowledgeBase knowledgeBase) {
        this.config = config;
        this.knowledgeBase = knowledgeBase;
    }

    public record PageConfig(String authority, String clientId, List<IndicationChoice> indications) {
    }

    public record IndicationChoice(String id, String name, boolean ranked, List<String> drugs) {
    }

    @GET
    @Operation(summary = "Login settings of the web page (OIDC authority and public client) and the formulary's indications")
    public PageConfig config() {
        List<IndicationChoice> indications = knowledgeBase.indications().stream().map(WebConfigResource::choice).toList();
        return new PageConfig(config.authority().replaceAll("/+$", ""), config.clientId(), indications);
    }

    private static IndicationChoice choice(Indication indication) {
        return new IndicationChoice(indication.id(), indication.name(), RANKED.contains(indication.id()), indication.drugs());
    }
}
