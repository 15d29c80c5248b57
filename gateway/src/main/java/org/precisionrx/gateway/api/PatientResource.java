package org.precisionrx.gateway.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import io.quarkus.security.ForbiddenException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.precisionrx.gateway.access.AccessGrant;
import org.precisionrx.gateway.access.Basis;
import org.precisionrx.gateway.access.PatientAccess;
import org.precisionrx.gateway.access.PatientAccess.Result;
import org.precisionrx.gateway.access.PatientAction;
import org.precisionrx.gateway.audit.AuditOutcome;
import org.precisionrx.gateway.caller.CurrentCaller;
import org.precisionrx.gateway.caller.Role;
import org.precisionrx.gateway.careteam.CareTeams;
import org.precisionrx.gateway.downstream.ProfileClient;
import org.precisionrx.gateway.problem.ProblemException;
import org.precisionrx.gateway.problem.Validation;
import org.precisionrx.gateway.view.MedicationProfile;
import org.precisionrx.gateway.view.PlainWords;
import org.precisionrx.gateway.view.ProtoJson;
import org.precisionrx.profile.v1.ListPatientsResponse;
import org.precisionrx.profile.v1.PatientProfile;

@Path("/api/v1/patients")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Patients")
public class PatientResource {

    private final CurrentCaller caller;
    private final PatientAccess access;
    private final CareTeams careTeams;
    private final ProfileClient profiles;

    public PatientResource(CurrentCaller caller, PatientAccess access, CareTeams careTeams, ProfileClient profiles) {
        this.caller = caller;
        this.access = access;
        this.careTeams = careTeams;
        this.profiles = profiles;
    }

    public record PatientList(List<String> patientIds, String nextPageToken) {
    }

    @GET
    @Operation(summary = "The patients the caller may open: a clinician's care-team patients, a patient's own "
            + "record, every patient for a pharmacist (paged)")
    public PatientList myPatients(@QueryParam("pageSize") @DefaultValue("50") int pageSize,
            @QueryParam("pageToken") @DefaultValue("") String pageToken) {
        new Validation().require(pageSize >= 1 && pageSize <= 200, "pageSize", "must be between 1 and 200")
                .require(pageToken.length() <= 200, "pageToken", "is too long").throwIfInvalid();
        if (caller.get().has(Role.PHARMACIST)) {
            AccessGrant grant = access.unscoped("patients.list", Role.PHARMACIST, Basis.PHARMACY);
            return access.perform(grant, () -> {
                ListPatientsResponse page = profiles.list(grant, pageSize, pageToken);
                return Result.success(new PatientList(page.getPatientsList().stream().map(p -> p.getPatientId()).toList(),
                        page.getNextPageToken()), page.getPatientsCount() + " patients listed");
            });
        }
        List<String> ids = new ArrayList<>();
        String role = null;
        if (caller.get().has(Role.CLINICIAN)) {
            ids.addAll(careTeams.patientsOf(caller.get().subject()));
            role = Role.CLINICIAN;
        }
        if (caller.get().has(Role.PATIENT) && caller.get().linkedPatientId() != null && !ids.contains(caller.get().linkedPatientId())) {
            ids.add(caller.get().linkedPatientId());
            role = role == null ? Role.PATIENT : role;
        }
        if (role == null) {
            throw new ForbiddenException();
        }
        AccessGrant grant = access.unscoped("patients.list", role, Role.PATIENT.equals(role) ? Basis.OWN_RECORD : Basis.CARE_TEAM);
        access.completed(grant, AuditOutcome.SUCCESS, ids.size() + " patients listed");
        return new PatientList(ids, "");
    }

    @GET
    @Path("/{patientId}/profile")
    @Operation(summary = "The patient's profile in the caller's view: full for the care team, the medication "
            + "subset for pharmacists, plain words for the patient")
    public Response profile(@PathParam("patientId") @Parameter(description = "internal patient id (UUID)") String patientId) {
        String id = Validation.patientId(patientId, "patientId");
        AccessGrant grant = access.require(PatientAction.PROFILE_READ, id);
        Object body = access.perform(grant, () -> {
            PatientProfile profile = profiles.profile(grant);
            Basis basis = grant.decision().basis();
            Object view = switch (basis) {
                case CARE_TEAM, BREAK_GLASS -> ProtoJson.json(profile);
                case PHARMACY -> ProtoJson.json(MedicationProfile.of(profile));
                case OWN_RECORD -> PlainWords.profile(profile);
                default -> throw ProblemException.forbidden("no profile view for this access");
            };
            return Result.success(view, "view " + basis.name().toLowerCase(Locale.ROOT));
        });
        return Response.ok(body).build();
    }
}
