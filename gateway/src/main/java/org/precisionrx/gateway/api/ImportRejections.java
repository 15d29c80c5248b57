package org.precisionrx.gateway.api;

import java.util.List;

import org.precisionrx.gateway.problem.Problem.Violation;
import org.precisionrx.gateway.problem.ProblemException;
import org.precisionrx.profile.v1.ImportProblem;
import org.precisionrx.profile.v1.ImportReport;
import org.precisionrx.profile.v1.PatientImportResult;

/**
 * An import of which not one patient could be stored is a bad request, not a success with a
 * report: the caller gets 400 with each problem named by resource and field. A partly stored
 * import stays 200 with the report, which lists the failed patients.
 */
final class ImportRejections {

    /** Enough to fix a feed; a broken export of thousands of patients is not echoed in full. */
    static final int MAX_VIOLATIONS = 50;

    private ImportRejections() {
    }

    static void throwIfNothingStored(ImportReport report) {
        if (report.getFailed() == 0 || report.getCreated() + report.getUpdated() + report.getUnchanged() > 0) {
            return;
        }
        List<Violation> violations = report.getPatientsList().stream()
                .flatMap(patient -> patient.getProblemsList().stream().map(problem -> violation(patient, problem)))
                .limit(MAX_VIOLATIONS).toList();
        if (violations.isEmpty()) {
            throw ProblemException.badRequest("body", "no patient could be imported");
        }
        ProblemException named = ProblemException.badRequest(violations);
        throw new ProblemException(400, named.title(), "no patient was imported: " + named.getMessage(), violations);
    }

    private static Violation violation(PatientImportResult patient, ImportProblem problem) {
        String resource = problem.getResource().isEmpty() ? patient.getSourceRef() : problem.getResource();
        String field = problem.getField().isEmpty() ? resource : resource + "." + problem.getField();
        return new Violation(field, problem.getReason());
    }
}
