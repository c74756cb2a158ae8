package io.gpconnect.registry.embedded;

import java.util.List;

/**
 * A refusal, carried to the HTTP layer and rendered as the problem-details JSON Apicurio 3 answers with: the
 * generated client picks the exception class it throws by status code (409 on artifact creation becomes a
 * {@code RuleViolationProblemDetails}), so status and {@code name} follow Apicurio's own choices.
 */
final class RegistryProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** One rule-violation cause, as in Apicurio's {@code RuleViolationCause}. */
    record Cause(String description, String context) {
    }

    private final int status;
    private final String name;
    private final String title;
    private final List<Cause> causes;

    private RegistryProblem(int status, String name, String title, String detail, List<Cause> causes) {
        super(detail);
        this.status = status;
        this.name = name;
        this.title = title;
        this.causes = causes;
    }

    static RegistryProblem notFound(String name, String detail) {
        return new RegistryProblem(404, name, detail, detail, null);
    }

    static RegistryProblem badRequest(String detail) {
        return new RegistryProblem(400, "BadRequestException", detail, detail, null);
    }

    static RegistryProblem conflict(String name, String detail) {
        return new RegistryProblem(409, name, detail, detail, null);
    }

    static RegistryProblem ruleViolation(String title, String detail, List<Cause> causes) {
        return new RegistryProblem(409, "RuleViolationException", title, detail, List.copyOf(causes));
    }

    static RegistryProblem methodNotAllowed(String detail) {
        return new RegistryProblem(405, "NotAllowedException", detail, detail, null);
    }

    static RegistryProblem internal(String detail, Throwable cause) {
        RegistryProblem p = new RegistryProblem(500, "InternalError", "Internal Server Error", detail, null);
        p.initCause(cause);
        return p;
    }

    int status() {
        return status;
    }

    String name() {
        return name;
    }

    String title() {
        return title;
    }

    String detail() {
        return getMessage();
    }

    /** Null unless this is a rule violation; only then does the body carry {@code causes}. */
    List<Cause> causes() {
        return causes;
    }
}
