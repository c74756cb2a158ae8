package io.gpconnect.fhir.appointment;

import io.gpconnect.fhir.error.GpConnectException;
import io.gpconnect.fhir.error.SpineCode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code If-Match} precondition of amend and cancel (spec §2.9). We issue ETags {@code W/"<versionId>"};
 * a header that cannot name one of our versions (the suite sends the literal {@code invalidEtag}, or an empty
 * tag) can never match, so it is 409 FHIR_CONSTRAINT_VIOLATION rather than a malformed request, and never
 * silently ignored.
 */
final class IfMatch {
    /** A weak or strong entity tag of a version number, or (leniently) the bare number. */
    private static final Pattern ETAG = Pattern.compile("(?:W/)?\"(\\d{1,18})\"|(\\d{1,18})");

    private IfMatch() {
    }

    /** The version the consumer expects, or empty when it sent no precondition (none, blank or {@code *}). */
    static Optional<Long> expectedVersion(String header, long currentVersion) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return Optional.empty();
        }
        Matcher m = ETAG.matcher(header.strip());
        if (!m.matches()) {
            throw new GpConnectException(SpineCode.FHIR_CONSTRAINT_VIOLATION,
                    "If-Match " + echo(header) + " does not match the current version W/\"" + currentVersion + "\"");
        }
        return Optional.of(Long.parseLong(m.group(1) != null ? m.group(1) : m.group(2)));
    }

    private static String echo(String header) {
        String h = header.strip();
        return h.length() <= 80 ? h : h.substring(0, 80) + "...";
    }
}
