package io.gpconnect.fhir.error;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;

/**
 * A request failure the consumer must see as a GP Connect OperationOutcome.
 *
 * <p>It extends HAPI's {@link BaseServerResponseException} and carries its OperationOutcome from birth,
 * so anything that throws it inside a {@code RestfulServer} (resource provider or interceptor) comes
 * out with this status and body, in whatever format HAPI negotiated (JSON or XML), with no mapping step.
 * Outside HAPI (a servlet filter, a test) the same data is available from {@link #spineCode()},
 * {@link #getStatusCode()} and {@link #getOperationOutcome()}.
 */
public final class GpConnectException extends BaseServerResponseException {

    private static final long serialVersionUID = 1L;

    private final SpineCode spineCode;
    private final String diagnostics;

    /** The code's own status, e.g. 400 for BAD_REQUEST. */
    public GpConnectException(SpineCode spineCode, String diagnostics) {
        this(spineCode, spineCode.httpStatus(), diagnostics);
    }

    /** For the few places the spec pairs a code with another status, e.g. 415 + BAD_REQUEST. */
    public GpConnectException(SpineCode spineCode, int httpStatus, String diagnostics) {
        super(httpStatus, spineCode.code() + ": " + diagnostics, OperationOutcomes.of(spineCode, diagnostics));
        this.spineCode = spineCode;
        this.diagnostics = diagnostics;
    }

    public SpineCode spineCode() {
        return spineCode;
    }

    public String diagnostics() {
        return diagnostics;
    }
}
