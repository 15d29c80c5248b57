package org.precisionrx.gateway.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.precisionrx.gateway.links.KeycloakUsers.KeycloakUser;
import org.precisionrx.gateway.links.KeycloakUsers;
import org.precisionrx.gateway.problem.ProblemException;
import org.precisionrx.gateway.problem.Validation;

/**
 * Links a patient user to their record: sets the Keycloak user attribute {@code patient_id}, which
 * Keycloak puts into the user's tokens. Takes effect at the user's next login or token refresh.
 */
@Path("/api/v1/patient-links/{username}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Patient links")
public class PatientLinkResource {

    private final PatientAccess access;
    private final KeycloakUsers users;

    public PatientLinkResource(PatientAccess access, KeycloakUsers users) {
        this.access = access;
        this.users = users;
    }

    public record Link(String patientId) {
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Links a patient user (Keycloak username) to a patient record")
    public Response link(@PathParam("username") String username, Link link) {
        Validation.username(username, "username");
        new Validation().require(link != null, "body", "a JSON body with patientId is required").throwIfInvalid();
        String id = Validation.patientId(link.patientId(), "patientId");
        AccessGrant grant = access.require(PatientAction.PATIENT_LINK_CHANGE, id);
        access.perform(grant, () -> {
            KeycloakUser user = users.find(username).orElseThrow(() -> ProblemException.notFound("no user " + username));
            users.linkPatient(user.username(), id);
            return Result.success(null, "linked user " + user.username());
        });
        return Response.noContent().build();
    }

    @DELETE
    @Operation(summary = "Removes a patient user's link to their record")
    public Response unlink(@PathParam("username") String username) {
        Validation.username(username, "username");
        KeycloakUser user = users.find(username).orElseThrow(() -> ProblemException.notFound("no user " + username));
        if (user.patientId() == null) {
            throw ProblemException.notFound(username + " is not linked to a patient");
        }
        AccessGrant grant = access.require(PatientAction.PATIENT_LINK_CHANGE, user.patientId());
        access.perform(grant, () -> {
            users.unlinkPatient(user.username());
            return Result.success(null, "unlinked user " + user.username());
        });
        return Response.noContent().build();
    }
}
