package org.precisionrx.gateway.problem;

import java.util.List;

import org.precisionrx.gateway.problem.Problem.Violation;

/** A failure the caller should see as a problem detail with this status, title and detail. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Violation> violations;

    public ProblemException(int status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    public ProblemException(int status, String title, String detail, List<Violation> violations) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.violations = List.copyOf(violations);
    }

    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(400, "Invalid request", field + ": " + message, List.of(new Violation(field, message)));
    }

    public static ProblemException badRequest(List<Violation> violations) {
        return new ProblemException(400, "Invalid request", violations.size() == 1
                ? violations.get(0).field() + ": " + violations.get(0).message()
                : violations.size() + " fields are invalid", violations);
    }

    /** 413: the body is larger than the endpoint accepts. */
    public static ProblemException tooLarge(String detail) {
        return new ProblemException(413, "Content too large", detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not found", detail);
    }

    public static ProblemException unavailable(String detail) {
        return new ProblemException(503, "Service unavailable", detail);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Violation> violations() {
        return violations;
    }
}
