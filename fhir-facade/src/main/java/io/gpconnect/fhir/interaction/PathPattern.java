package io.gpconnect.fhir.interaction;

import java.util.List;
import java.util.Optional;

/**
 * A path relative to the service root, e.g. {@code Patient/{id}/Appointment}, where {@code {id}} stands
 * for one logical-id segment. Matching is case-sensitive, as the spec says URLs are.
 */
public record PathPattern(String template) {

    private static final String ID = "{id}";

    public PathPattern {
        if (template == null || template.isEmpty() || template.startsWith("/")) {
            throw new IllegalArgumentException("relative path template expected: " + template);
        }
    }

    public boolean hasId() {
        return segments(template).contains(ID);
    }

    /**
     * Matches a request path (no query string, no leading slash). The result holds the id segment when the
     * template has one; it may be empty or malformed ({@code Appointment/}), because telling "no such
     * resource" (404) from "wrong endpoint" (400) is the caller's decision, not the router's.
     */
    public Optional<Match> match(String relativePath) {
        List<String> expected = segments(template);
        List<String> actual = segments(relativePath);
        if (expected.size() != actual.size()) {
            return Optional.empty();
        }
        String id = null;
        for (int i = 0; i < expected.size(); i++) {
            String want = expected.get(i);
            String got = actual.get(i);
            if (want.equals(ID)) {
                if (isReserved(got)) {
                    return Optional.empty();
                }
                id = got;
            } else if (!want.equals(got)) {
                return Optional.empty();
            }
        }
        return Optional.of(new Match(Optional.ofNullable(id)));
    }

    /** {@code $operation} and {@code _history}-style segments are routing words, never logical ids. */
    private static boolean isReserved(String segment) {
        return segment.startsWith("$") || segment.startsWith("_");
    }

    private static List<String> segments(String path) {
        // limit -1 keeps a trailing empty segment, so "Appointment/" is two segments with an empty id
        return List.of(path.split("/", -1));
    }

    /** The outcome of a successful match: the logical id, when the template names one. */
    public record Match(Optional<String> id) {
    }
}
