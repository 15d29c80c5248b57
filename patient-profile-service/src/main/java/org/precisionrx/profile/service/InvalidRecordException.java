package org.precisionrx.profile.service;

import java.util.List;

import org.precisionrx.profile.ingest.ImportProblem;

/** Input that cannot be stored, with every problem found. Maps to INVALID_ARGUMENT. */
public class InvalidRecordException extends RuntimeException {

    private final transient List<ImportProblem> problems;

    public InvalidRecordException(List<ImportProblem> problems) {
        super(problems.size() + " problem(s): " + problems.get(0).resource() + " " + problems.get(0).field()
                + ": " + problems.get(0).reason());
        this.problems = List.copyOf(problems);
    }

    public List<ImportProblem> problems() {
        return problems;
    }
}
