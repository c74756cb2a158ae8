package io.gpconnect.fhir.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts that code fails the way the spec says: a GpConnectException with this status and Spine code. */
public final class GpConnectAssertions {

    private GpConnectAssertions() {
    }

    public static GpConnectException assertFails(ThrowingCallable call, int status, SpineCode code) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("expected %s %s", status, code).isInstanceOf(GpConnectException.class);
        GpConnectException failure = (GpConnectException) thrown;
        assertThat(failure.getStatusCode()).as("status of: %s", failure.getMessage()).isEqualTo(status);
        assertThat(failure.spineCode()).as("code of: %s", failure.getMessage()).isEqualTo(code);
        return failure;
    }

    public static GpConnectException assertBadRequest(ThrowingCallable call) {
        return assertFails(call, 400, SpineCode.BAD_REQUEST);
    }

    public static GpConnectException assertInvalidResource(ThrowingCallable call) {
        return assertFails(call, 422, SpineCode.INVALID_RESOURCE);
    }
}
