package io.gpconnect.fhir.directory;

import io.gpconnect.fhir.error.GpConnectException;
import io.gpconnect.fhir.error.SpineCode;

import java.util.Map;

/**
 * The one search parameter of the foundation searches: {@code identifier=system|value} (spec §2.2). Absent,
 * misspelt (parameter names are case-sensitive) or repeated is 400; an empty system or value is 422; a
 * system we do not know is 400 INVALID_IDENTIFIER_SYSTEM.
 */
public record IdentifierSearch(String value) {

    public static IdentifierSearch parse(Map<String, String[]> params, String expectedSystem) {
        String[] values = params.get("identifier");
        if (values == null || values.length == 0) {
            throw new GpConnectException(SpineCode.BAD_REQUEST, "The identifier parameter is required");
        }
        if (values.length > 1) {
            throw new GpConnectException(SpineCode.BAD_REQUEST, "The identifier parameter must be sent once");
        }
        String token = values[0];
        int bar = token.indexOf('|');
        if (bar < 0) {
            throw new GpConnectException(SpineCode.INVALID_PARAMETER, "The identifier must be system|value");
        }
        String system = token.substring(0, bar);
        String value = token.substring(bar + 1);
        if (system.isBlank() || value.isBlank()) {
            throw new GpConnectException(SpineCode.INVALID_PARAMETER, "The identifier system and value must not be empty");
        }
        if (!expectedSystem.equals(system)) {
            throw new GpConnectException(SpineCode.INVALID_IDENTIFIER_SYSTEM, "The identifier system must be " + expectedSystem);
        }
        return new IdentifierSearch(value);
    }
}
