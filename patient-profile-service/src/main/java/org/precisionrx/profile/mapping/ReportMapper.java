package org.precisionrx.profile.mapping;

import jakarta.enterprise.context.ApplicationScoped;

import org.precisionrx.profile.ingest.ImportProblem;
import org.precisionrx.profile.service.ImportSummary;
import org.precisionrx.profile.v1.ImportOutcome;
import org.precisionrx.profile.v1.ImportReport;
import org.precisionrx.profile.v1.PatientImportResult;

/** Counts and lists what an import did. */
@ApplicationScoped
public class ReportMapper {

    public ImportReport toReport(ImportSummary summary) {
        ImportReport.Builder report = ImportReport.newBuilder().putAllSkippedByType(summary.skippedByType());
        report.setResourcesSkipped(summary.skippedByType().values().stream().mapToInt(Integer::intValue).sum());
        for (ImportSummary.PatientResult patient : summary.patients()) {
            PatientImportResult.Builder result = PatientImportResult.newBuilder().setSourceRef(patient.sourceRef());
            if (patient.outcome() == null) {
                report.setFailed(report.getFailed() + 1);
                result.setOutcome(ImportOutcome.IMPORT_OUTCOME_FAILED);
                patient.problems().forEach(p -> result.addProblems(problem(p)));
            } else {
                result.setPatientId(patient.patientId().toString());
                switch (patient.outcome()) {
                    case CREATED -> report.setCreated(report.getCreated() + 1);
                    case UPDATED -> report.setUpdated(report.getUpdated() + 1);
                    case UNCHANGED -> report.setUnchanged(report.getUnchanged() + 1);
                }
                result.setOutcome(ImportOutcome.valueOf("IMPORT_OUTCOME_" + patient.outcome().name()));
            }
            report.addPatients(result);
        }
        return report.build();
    }

    public static org.precisionrx.profile.v1.ImportProblem problem(ImportProblem p) {
        return org.precisionrx.profile.v1.ImportProblem.newBuilder()
                .setResource(ProtoValues.orEmpty(p.resource()))
                .setField(ProtoValues.orEmpty(p.field()))
                .setReason(ProtoValues.orEmpty(p.reason()))
                .build();
    }
}
