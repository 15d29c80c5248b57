package org.precisionrx.gateway.access;

import jakarta.enterprise.context.ApplicationScoped;

import org.precisionrx.gateway.caller.Caller;
import org.precisionrx.gateway.caller.Role;
import org.precisionrx.gateway.careteam.CareTeams;

/**
 * The one place that decides who may do what with which patient (docs/gateway.md, "Access
 * policy"). Roles are tried from the widest clinical view down, so a user who is both clinician
 * and admin reads as a clinician and administers as an admin.
 */
@ApplicationScoped
public class AccessPolicy {

    private final CareTeams careTeams;

    public AccessPolicy(CareTeams careTeams) {
        this.careTeams = careTeams;
    }

    public Decision decide(Caller caller, PatientAction action, String patientId, String breakGlassReason) {
        if (action.administrative()) {
            return caller.has(Role.ADMIN)
                    ? new Decision(Basis.ADMINISTRATION, Role.ADMIN, null)
                    : Decision.deny("only admins manage care teams, links and imports");
        }
        if (caller.has(Role.CLINICIAN)) {
            if (careTeams.isMember(patientId, caller.subject())) {
                return new Decision(Basis.CARE_TEAM, Role.CLINICIAN, null);
            }
            if (breakGlassReason != null) {
                return new Decision(Basis.BREAK_GLASS, Role.CLINICIAN, breakGlassReason);
            }
        }
        if (caller.has(Role.PHARMACIST) && action != PatientAction.RECOMMENDATIONS) {
            return new Decision(Basis.PHARMACY, Role.PHARMACIST, null);
        }
        if (caller.has(Role.PATIENT) && patientId.equals(caller.linkedPatientId())
                && (action == PatientAction.PROFILE_READ || action == PatientAction.RECOMMENDATIONS)) {
            return new Decision(Basis.OWN_RECORD, Role.PATIENT, null);
        }
        if (caller.has(Role.CLINICIAN)) {
            return Decision.deny("not on this patient's care team; emergency access needs a break-glass reason");
        }
        return Decision.deny("role does not permit " + action.code() + " for this patient");
    }
}
