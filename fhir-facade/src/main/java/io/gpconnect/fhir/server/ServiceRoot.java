package io.gpconnect.fhir.server;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The GP Connect service root {@code /[ODS_CODE]/STU3/1/gpconnect} (spec §1): which practice a request is for,
 * and the path relative to that root. Case-sensitive, no trailing slash on the root itself.
 */
public record ServiceRoot(String ods, String relativePath) {
    private static final Pattern ROOT = Pattern.compile("^/([A-Za-z0-9]{3,10})/STU3/1/gpconnect(?:/(.*))?$");

    public static Optional<ServiceRoot> parse(String pathWithinServer) {
        Matcher m = ROOT.matcher(pathWithinServer);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ServiceRoot(m.group(1), m.group(2) == null ? "" : m.group(2)));
    }

    public static String path(String ods) {
        return "/" + ods + "/STU3/1/gpconnect";
    }
}
