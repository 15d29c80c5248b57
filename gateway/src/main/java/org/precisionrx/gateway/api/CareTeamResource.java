package org.precisionrx.gateway.api;

import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
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
import org.precisionrx.gateway.careteam.CareTeams;
import org.precisionrx.gateway.links.KeycloakUsers.KeycloakUser;
import org.precisionrx.gateway.links.KeycloakUsers;
import org.precisionrx.gateway.problem.ProblemException;
import org.precisionrx.gateway.problem.Validation;

/** Care teams, managed by admins: who counts as "on the care team" for the access policy. */
@Path("/api/v1/care-teams/{patientId}/members")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Care teams")
public class CareTeamResource {

    private final PatientAccess access;
    private final CareTeams careTeams;
    private final KeycloakUsers users;

    public CareTeamResource(PatientAccess access, CareTeams careTeams, KeycloakUsers users) {
        this.access = access;
        this.careTeams = careTeams;
        this.users = users;
    }

    public record Member(String username, String subject, String assignedBy, Instant assignedAt) {
    }

    @GET
    @Operation(summary = "The clinicians on a patient's care team")
    public List<Member> members(@PathParam("patientId") String patientId) {
        String id = Validation.patientId(patientId, "patientId");
        AccessGrant grant = access.require(PatientAction.CARE_TEAM_READ, id);
        return access.perform(grant, () -> {
            List<Member> members = careTeams.members(id).stream()
                    .map(m -> new Member(m.clinicianUsername, m.clinicianSubject, m.assignedBy, m.assignedAt)).toList();
            return Result.success(members, members.size() + " members");
        });
    }

    @PUT
    @Path("/{username}")
    @Operation(summary = "Puts a clinician (by Keycloak username) on the patient's care team")
    public Response assign(@PathParam("patientId") String patientId, @PathParam("username") String username) {
        String id = Validation.patientId(patientId, "patientId");
        Validation.username(username, "username");
        AccessGrant grant = access.require(PatientAction.CARE_TEAM_CHANGE, id);
        boolean added = access.perform(grant, () -> {
            KeycloakUser user = users.find(username)
                    .orElseThrow(() -> ProblemException.notFound("no user " + username));
            boolean isNew = careTeams.assign(id, user.id(), user.username(), grant.caller().username());
            return Result.success(isNew, (isNew ? "added " : "already on team: ") + user.username());
        });
        return Response.status(added ? 201 : 200).build();
    }

    @DELETE
    @Path("/{username}")
    @Operation(summary = "Takes a clinician off the patient's care team")
    public Response remove(@PathParam("patientId") String patientId, @PathParam("username") String username) {
        String id = Validation.patientId(patientId, "patientId");
        Validation.username(username, "username");
        AccessGrant grant = access.require(PatientAction.CARE_TEAM_CHANGE, id);
        boolean removed = access.perform(grant, () -> {
            String subject = careTeams.members(id).stream().filter(m -> m.clinicianUsername.equals(username))
                    .map(m -> m.clinicianSubject).findFirst().orElse(null);
            boolean gone = subject != null && careTeams.remove(id, subject);
            return Result.success(gone, (gone ? "removed " : "not on team: ") + username);
        });
        if (!removed) {
            throw ProblemException.notFound(username + " is not on this patient's care team");
        }
        return Response.noContent().build();
    }
}
