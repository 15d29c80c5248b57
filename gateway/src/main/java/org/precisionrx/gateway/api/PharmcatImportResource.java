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
import org.precisionrx.gateway.access.AccessGrant;
import org.precisionrx.gateway.access.PatientAccess;
import org.precisionrx.gateway.access.PatientAccess.Result;
import org.precisionrx.gateway.access.PatientAction;
import org.precisionrx.gateway.audit.AuditOutcome;
import org.precisionrx.gateway.downstream.ProfileClient;
import org.precisionrx.gateway.input.BodyLimits;
import org.precisionrx.gateway.input.Utf8;
import org.precisionrx.gateway.problem.ProblemException;
import org.precisionrx.gateway.problem.Validation;
import org.precisionrx.gateway.view.ProtoJson;
import org.precisionrx.profile.v1.ImportReport;

@Path("/api/v1/patients/{patientId}/pharmcat-calls")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Imports")
public class PharmcatImportResource {

    private final PatientAccess access;
    private final ProfileClient profiles;

    public PharmcatImportResource(PatientAccess access, ProfileClient profiles) {
        this.access = access;
        this.profiles = profiles;
    }

    @POST
    @Consumes({ "text/tab-separated-values", MediaType.TEXT_PLAIN })
    @Operation(summary = "Imports PharmCAT outside-call TSV (gene, diplotype[, phenotype[, activity score]]) for one patient")
    public Response importPharmcat(@PathParam("patientId") String patientId, byte[] body) {
        String id = Validation.patientId(patientId, "patientId");
        if (body != null && body.length > BodyLimits.PHARMCAT_BYTES) {
            throw ProblemException.tooLarge("the body is larger than 256 KiB");
        }
        String tsv = body == null ? null : Utf8.decode(body, "body");
        new Validation().require(tsv != null && !tsv.isBlank(), "body", "is empty").throwIfInvalid();
        AccessGrant grant = access.require(PatientAction.IMPORT_PHARMCAT, id);
        String json = access.perform(grant, () -> {
            ImportReport report = profiles.importPharmcat(grant, tsv);
            return new Result<>(ProtoJson.json(report), report.getFailed() > 0 ? AuditOutcome.FAILED : AuditOutcome.SUCCESS,
                    ImportResource.summary(report));
        });
        return Response.ok(json).build();
    }
}
