package io.gpconnect.fhir.interaction;

import java.util.Arrays;
import java.util.Optional;

/** The JWT {@code requested_scope} values GP Connect defines (spec §3.1). */
public enum RequestedScope {
    PATIENT_READ("patient/*.read"),
    PATIENT_WRITE("patient/*.write"),
    ORGANIZATION_READ("organization/*.read"),
    // Defined by the spec but required by no 1.2.7 interaction; a token carrying it is well formed
    // yet always the wrong scope for the endpoint.
    ORGANIZATION_WRITE("organization/*.write");

    private final String value;

    RequestedScope(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<RequestedScope> fromValue(String value) {
        return Arrays.stream(values()).filter(scope -> scope.value.equals(value)).findFirst();
    }
}
