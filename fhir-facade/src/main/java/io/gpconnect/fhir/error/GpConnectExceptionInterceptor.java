package io.gpconnect.fhir.error;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;

/**
 * Register on the {@code RestfulServer}: every exception on its way out becomes a GP Connect one.
 *
 * <p>HAPI uses the first non-null answer to this pointcut and only falls back to its default handler
 * when there is none, so this replaces HAPI's own OperationOutcome for its routing/parsing errors
 * while still letting HAPI stream the body in the negotiated format.
 */
@Interceptor
public final class GpConnectExceptionInterceptor {

    private final ExceptionTranslator translator;

    public GpConnectExceptionInterceptor() {
        this(new ExceptionTranslator());
    }

    public GpConnectExceptionInterceptor(ExceptionTranslator translator) {
        this.translator = translator;
    }

    // First among hooks on this pointcut, so no other handler's OperationOutcome can win.
    @Hook(value = Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION, order = Integer.MIN_VALUE)
    public BaseServerResponseException translate(Throwable failure) {
        return translator.translate(failure);
    }
}
