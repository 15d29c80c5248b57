package org.precisionrx.gateway.audit;

/** Sample records for tests. */
final class AuditRecords {

    private AuditRecords() {
    }

    static AuditRecord read(String requestId, String subject, String patientId) {
        return new AuditRecord(requestId, subject, "clinician", "precisionrx-web", patientId, "profile.read",
                "TREAT", null, AuditOutcome.SUCCESS, false, null);
    }

    static AuditRecord breakGlass(String requestId, String subject, String patientId) {
        return new AuditRecord(requestId, subject, "clinician", "precisionrx-web", patientId, "profile.read",
                "ETREAT", "unconscious patient in the emergency department", AuditOutcome.SUCCESS, true, null);
    }

    static AuditRecord denied(String requestId, String subject, String patientId) {
        return new AuditRecord(requestId, subject, "clinician", "precisionrx-web", patientId, "profile.read",
                "TREAT", "not on the care team", AuditOutcome.DENIED, false, null);
    }

    static AuditRecord grpc(String requestId, String subject, String patientId) {
        return new AuditRecord(requestId, subject, "pharmacist", "precisionrx-web", patientId,
                "grpc:PatientProfileService/GetProfile", "TREAT", null, AuditOutcome.SUCCESS, false,
                "on behalf of dose.check");
    }
}
