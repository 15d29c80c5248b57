package org.precisionrx.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.precisionrx.gateway.caller.Caller;
import org.precisionrx.gateway.careteam.CareTeams;

/** The policy's corner cases, without a database: care teams are a fixed set here. */
class AccessPolicyTest {

    static final String MINE = "11111111-1111-1111-1111-111111111111";
    static final String THEIRS = "22222222-2222-2222-2222-222222222222";

    private final AccessPolicy policy = new AccessPolicy(new CareTeams() {
        @Override
        public boolean isMember(String patientId, String clinicianSubject) {
            return MINE.equals(patientId) && "dr".equals(clinicianSubject);
        }
    });

    private static Caller caller(String subject, String patientId, String... roles) {
        return new Caller(subject, subject, Set.of(roles), "precisionrx-web", patientId);
    }

    @Test
    void aClinicianAdminReadsAsClinicianAndAdministersAsAdmin() {
        Caller both = caller("dr", null, "clinician", "admin");
        assertThat(policy.decide(both, PatientAction.PROFILE_READ, MINE, null).basis()).isEqualTo(Basis.CARE_TEAM);
        assertThat(policy.decide(both, PatientAction.PROFILE_READ, THEIRS, null).allowed()).isFalse();
        assertThat(policy.decide(both, PatientAction.CARE_TEAM_CHANGE, THEIRS, null).basis()).isEqualTo(Basis.ADMINISTRATION);
    }

    @Test
    void anAdminAloneGetsNoClinicalReadEvenWithABreakGlassReason() {
        Caller admin = caller("ad", null, "admin");
        assertThat(policy.decide(admin, PatientAction.PROFILE_READ, MINE, "emergency in the ward").allowed()).isFalse();
        assertThat(policy.decide(admin, PatientAction.RECOMMENDATIONS, MINE, null).allowed()).isFalse();
    }

    @Test
    void breakGlassIsForCliniciansOnlyAndIsFlagged() {
        Decision glass = policy.decide(caller("dr", null, "clinician"), PatientAction.DOSE_CHECK, THEIRS, "unconscious patient");
        assertThat(glass.emergency()).isTrue();
        assertThat(glass.reason()).isEqualTo("unconscious patient");
        assertThat(policy.decide(caller("pt", THEIRS, "patient"), PatientAction.PROFILE_READ, MINE, "I need to see it").allowed())
                .isFalse();
        // On the care team, a reason changes nothing: ordinary access, not an emergency.
        assertThat(policy.decide(caller("dr", null, "clinician"), PatientAction.PROFILE_READ, MINE, "just in case").emergency())
                .isFalse();
    }

    @Test
    void aPatientOnlyReadsTheirOwnRecordAndCannotDoseOrWrite() {
        Caller patient = caller("pt", MINE, "patient");
        assertThat(policy.decide(patient, PatientAction.PROFILE_READ, MINE, null).basis()).isEqualTo(Basis.OWN_RECORD);
        assertThat(policy.decide(patient, PatientAction.RECOMMENDATIONS, MINE, null).basis()).isEqualTo(Basis.OWN_RECORD);
        assertThat(policy.decide(patient, PatientAction.DOSE_CHECK, MINE, null).allowed()).isFalse();
        assertThat(policy.decide(patient, PatientAction.IMPORT_PHARMCAT, MINE, null).allowed()).isFalse();
        assertThat(policy.decide(patient, PatientAction.PROFILE_READ, THEIRS, null).allowed()).isFalse();
        assertThat(policy.decide(caller("pt", null, "patient"), PatientAction.PROFILE_READ, MINE, null).allowed())
                .as("an unlinked patient user").isFalse();
    }

    @Test
    void aPharmacistDosesAnyPatientButGetsNoRanking() {
        Caller pharmacist = caller("ph", null, "pharmacist");
        assertThat(policy.decide(pharmacist, PatientAction.DOSE_RECOMMENDATION, THEIRS, null).basis()).isEqualTo(Basis.PHARMACY);
        assertThat(policy.decide(pharmacist, PatientAction.PROFILE_READ, THEIRS, null).basis()).isEqualTo(Basis.PHARMACY);
        assertThat(policy.decide(pharmacist, PatientAction.RECOMMENDATIONS, THEIRS, null).allowed()).isFalse();
    }

    @Test
    void anAuditorOrAUserWithoutRolesGetsNothing() {
        for (PatientAction action : PatientAction.values()) {
            assertThat(policy.decide(caller("au", null, "auditor"), action, MINE, "reason given").allowed()).isFalse();
            assertThat(policy.decide(caller("x", MINE), action, MINE, null).allowed()).isFalse();
        }
    }
}
