package io.gpconnect.launcher.operations.bundle;

import java.util.List;

/** A bundle refused whole: every problem found, so the practice system's export can be fixed in one go. */
public final class InvalidBundleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    public InvalidBundleException(List<String> problems) {
        super(problems.size() + " problem(s): " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
