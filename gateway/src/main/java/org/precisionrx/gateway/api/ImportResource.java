package org.precisionrx.gateway.api;

import java.net.URI;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.precisionrx.gateway.access.AccessGrant;
import org.precisionrx.gateway.access.Basis;
import org.precisionrx.gateway.access.PatientAccess;
import org.precisionrx.gateway.access.PatientAccess.Result;
import org.precisionrx.gateway.audit.AuditOutcome;
import org.precisionrx.gateway.caller.Role;
import org.precisionrx.gateway.downstream.ProfileClient;
import org.precisionrx.gateway.input.BodyLimits;
import org.precisionrx.gateway.input.Utf8;
import org.precisionrx.gateway.problem.ProblemException;
import org.precisionrx.gateway.problem.Validation;
import org.precisionrx.gateway.view.ProtoJson;
import org.precisionrx.profile.v1.FhirPayloadFormat;
import org.precisionrx.profile.v1.ImportOutcome;
import org.precisionrx.profile.v1.ImportReport;
import org.precisionrx.profile.v1.PatientImportResult;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Imports")
public class ImportResource {

    static final String NDJSON = "application/x-ndjson";
    static final String FHIR_NDJSON = "application/fhir+ndjson";
    static final String FHIR_JSON = "application/fhir+json";

    private final PatientAccess access;
    private final ProfileClient profiles;

    public ImportResource(PatientAccess access, ProfileClient profiles) {
        this.access = access;
        this.profiles = profiles;
    }

    @POST
    @Path("/imports/fhir")
    @RolesAllowed(Role.ADMIN)
    @Consumes({ FHIR_JSON, MediaType.APPLICATION_JSON, NDJSON, FHIR_NDJSON })
    @Operation(summary = "Imports a FHIR R4 Bundle or bulk-export NDJSON; each patient is stored on its own")
    public Response importFhir(@QueryParam("sourceSystem") String sourceSystem, @jakarta.ws.rs.core.Context HttpHeaders headers,
            byte[] payload) {
        new Validation()
                .require(sourceSystem != null && absoluteUrl(sourceSystem), "sourceSystem",
                        "is required: the FHIR server base URL the resource ids belong to")
                .require(payload != null && payload.length > 0, "body", "is empty")
                .throwIfInvalid();
        if (payload.length > BodyLimits.FHIR_IMPORT_BYTES) {
            throw ProblemException.tooLarge("the body is larger than 16 MiB; split the export");
        }
        Utf8.require(payload, "body");
        MediaType type = headers.getMediaType();
        FhirPayloadFormat format = type != null && (type.isCompatible(MediaType.valueOf(NDJSON)) || type.isCompatible(MediaType.valueOf(FHIR_NDJSON)))
                ? FhirPayloadFormat.FHIR_PAYLOAD_FORMAT_NDJSON : FhirPayloadFormat.FHIR_PAYLOAD_FORMAT_BUNDLE;
        AccessGrant grant = access.unscoped("import.fhir", Role.ADMIN, Basis.ADMINISTRATION);
        String json = access.perform(grant, () -> {
            ImportReport report = profiles.importFhir(grant, payload, format, sourceSystem);
            recordPatients(grant, report);
            ImportRejections.throwIfNothingStored(report);
            return new Result<>(ProtoJson.json(report), report.getFailed() > 0 ? AuditOutcome.PARTIAL : AuditOutcome.SUCCESS,
                    summary(report));
        });
        return Response.ok(json).build();
    }

    /** One record per patient the import touched, so a patient's audit history shows it. */
    private void recordPatients(AccessGrant grant, ImportReport report) {
        for (PatientImportResult patient : report.getPatientsList()) {
            if (!patient.getPatientId().isEmpty()) {
                access.completed(grant, patient.getPatientId(),
                        patient.getOutcome() == ImportOutcome.IMPORT_OUTCOME_FAILED ? AuditOutcome.FAILED : AuditOutcome.SUCCESS,
                        patient.getOutcome().name().substring("IMPORT_OUTCOME_".length()).toLowerCase(Locale.ROOT));
            }
        }
    }

    static String summary(ImportReport report) {
        return "created " + report.getCreated() + ", updated " + report.getUpdated() + ", unchanged " + report.getUnchanged()
                + ", failed " + report.getFailed();
    }

    private static boolean absoluteUrl(String value) {
        try {
            URI uri = URI.create(value);
            return value.length() <= 512 && uri.isAbsolute() && uri.getHost() != null
                    && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
