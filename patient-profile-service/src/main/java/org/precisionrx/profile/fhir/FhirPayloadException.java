package org.precisionrx.profile.fhir;

import java.util.List;
import java.util.stream.Collectors;
import org.precisionrx.profile.ingest.ImportProblem;

/**
 * The payload as a whole cannot be read (not JSON, not FHIR, unsupported Bundle type, invalid values).
 * The message names where and why, never the offending values, because those may be patient data.
 */
public final class FhirPayloadException extends RuntimeException {

    private final List<ImportProblem> problems;

    public FhirPayloadException(List<ImportProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public FhirPayloadException(ImportProblem problem) {
        this(List.of(problem));
    }

    public List<ImportProblem> problems() {
        return problems;
    }

    private static String describe(List<ImportProblem> problems) {
        return "FHIR payload rejected: " + problems.stream()
                .map(p -> p.resource() + (p.field() == null ? "" : " " + p.field()) + ": " + p.reason())
                .collect(Collectors.joining("; "));
    }
}
