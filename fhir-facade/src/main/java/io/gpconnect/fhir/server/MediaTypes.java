package io.gpconnect.fhir.server;

import io.gpconnect.fhir.error.GpConnectException;
import io.gpconnect.fhir.error.SpineCode;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Spec §1: JSON and XML FHIR media types only; anything else in Content-Type, Accept or _format is 415
 * (with BAD_REQUEST, as the demonstrator answers).
 */
final class MediaTypes {
    private static final Set<String> FHIR_TYPES = Set.of(
            "application/fhir+json", "application/fhir+xml", "application/json", "application/xml",
            "application/json+fhir", "application/xml+fhir", "json", "xml", "text/xml", "text/json");

    Optional<GpConnectException> check(HttpServletRequest request) {
        // Read from the header, first: the container's getContentType() itself fails on a charset it does not know.
        Optional<String> charset = charset(request.getHeader("Content-Type"));
        if (charset.isPresent() && !supported(charset.get())) {
            return Optional.of(unsupported("Content-Type charset " + charset.get() + " is not supported; use UTF-8"));
        }
        String method = request.getMethod();
        if (("POST".equals(method) || "PUT".equals(method)) && request.getHeader("Content-Type") != null
                && !FHIR_TYPES.contains(base(request.getHeader("Content-Type")))) {
            return Optional.of(unsupported("Content-Type " + request.getHeader("Content-Type") + " is not supported"));
        }
        // A '+' sent unencoded in the query arrives as a space; HAPI reads it back as '+', and so do we.
        String format = request.getParameter("_format");
        format = format == null ? null : format.replace(' ', '+');
        if (format != null) {
            return FHIR_TYPES.contains(base(format)) ? Optional.empty()
                    : Optional.of(unsupported("_format " + format + " is not supported"));
        }
        String accept = request.getHeader("Accept");
        if (accept != null && !accept.isBlank()) {
            for (String part : accept.split(",")) {
                String type = base(part);
                if (FHIR_TYPES.contains(type) || type.equals("*/*") || type.equals("application/*")) {
                    return Optional.empty();
                }
            }
            return Optional.of(unsupported("Accept " + accept + " names no supported FHIR format"));
        }
        return Optional.empty();
    }

    private static Optional<String> charset(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        for (String parameter : contentType.split(";")) {
            String[] nameValue = parameter.split("=", 2);
            if (nameValue.length == 2 && nameValue[0].trim().equalsIgnoreCase("charset")) {
                return Optional.of(nameValue[1].trim().replace("\"", ""));
            }
        }
        return Optional.empty();
    }

    private static boolean supported(String charset) {
        try {
            return java.nio.charset.Charset.isSupported(charset);
        } catch (IllegalArgumentException illegalName) {
            return false;
        }
    }

    private static String base(String mediaType) {
        int semi = mediaType.indexOf(';');
        return (semi < 0 ? mediaType : mediaType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    private static GpConnectException unsupported(String diagnostics) {
        return new GpConnectException(SpineCode.BAD_REQUEST, 415, diagnostics);
    }
}
