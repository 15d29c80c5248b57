package org.precisionrx.gateway.careteam;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Care-team assignments: the clinician side of the access policy. */
@ApplicationScoped
public class CareTeams {

    public boolean isMember(String patientId, String clinicianSubject) {
        return CareTeamMember.count("patientId = ?1 and clinicianSubject = ?2", patientId, clinicianSubject) > 0;
    }

    public List<String> patientsOf(String clinicianSubject) {
        return CareTeamMember.<CareTeamMember>find("clinicianSubject = ?1 order by patientId", clinicianSubject)
                .stream().map(member -> member.patientId).toList();
    }

    public List<CareTeamMember> members(String patientId) {
        return CareTeamMember.list("patientId = ?1 order by clinicianUsername", patientId);
    }

    /** Adds the clinician; true when added, false when already a member. */
    @Transactional
    public boolean assign(String patientId, String clinicianSubject, String clinicianUsername, String assignedBy) {
        if (isMember(patientId, clinicianSubject)) {
            return false;
        }
        CareTeamMember member = new CareTeamMember();
        member.patientId = patientId;
        member.clinicianSubject = clinicianSubject;
        member.clinicianUsername = clinicianUsername;
        member.assignedBy = assignedBy;
        member.assignedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        member.persist();
        return true;
    }

    /** Removes the clinician; true when removed, false when not a member. */
    @Transactional
    public boolean remove(String patientId, String clinicianSubject) {
        return CareTeamMember.delete("patientId = ?1 and clinicianSubject = ?2", patientId, clinicianSubject) > 0;
    }
}
