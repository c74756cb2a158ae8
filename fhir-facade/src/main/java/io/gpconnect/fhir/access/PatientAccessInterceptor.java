package io.gpconnect.fhir.access;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import io.gpconnect.fhir.server.Caller;

/**
 * Refuses interactions closed to patient-facing tokens before the body is read or any provider runs: after the
 * request guard (order 0), which establishes who is asking, and before the body (order 100).
 */
@Interceptor
public final class PatientAccessInterceptor {
    private static final int AFTER_GUARD = 50;

    @Hook(value = Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLER_SELECTED, order = AFTER_GUARD)
    public void check(RequestDetails details) {
        Caller.context(details).ifPresent(PatientAccess::requireOpen);
    }
}
