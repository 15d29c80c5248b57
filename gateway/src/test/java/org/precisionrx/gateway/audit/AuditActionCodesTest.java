package org.precisionrx.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuditActionCodesTest {

    @ParameterizedTest
    @CsvSource({
            "profile.read, R",
            "grpc:PatientProfileService/GetProfile, R",
            "grpc:RecommenderService/ListOptions, R",
            "audit.search, R",
            "audit.export, R",
            "careteam.create, C",
            "patient.import, C",
            "patient-link.set, U",
            "grpc:PatientProfileService/UpdateProfile, U",
            "careteam.delete, D",
            "grpc:CareTeamService/RemoveMember, D",
            "cds.precisionrx-order-sign, E",
            "recommendations, E",
            "dose.check, E",
            "grpc:DosageService/CheckDose, E",
            "profile.settings, E",
            "profile.getter, E"})
    void mapsTheVerbOfTheLastPart(String action, AuditEventAction expected) {
        assertThat(AuditActionCodes.of(action)).isEqualTo(expected);
    }
}
