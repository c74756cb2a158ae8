package io.gpconnect.launcher;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.read.ListAppender;
import io.gpconnect.fhir.error.ExceptionTranslator;
import io.gpconnect.fhir.metadata.CapabilityStatementProvider;
import io.gpconnect.fhir.security.JwtValidator;
import io.gpconnect.fhir.security.RequestGuard;
import io.gpconnect.fhir.server.GpConnectServer;
import io.gpconnect.fhir.server.RequestTrace;
import io.gpconnect.fhir.server.Traffic;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.IdType;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** An unexpected failure while a request is handled is logged with the consumer's Ssp-TraceID on the line. */
class RequestTraceLoggingTest {

    /** Fails the way a bug would. */
    public static final class FailingAppointments implements IResourceProvider {
        @Override
        public Class<? extends IBaseResource> getResourceType() {
            return Appointment.class;
        }

        @Read
        public Appointment read(@IdParam IdType id) {
            throw new IllegalStateException("a bug");
        }
    }

    @Test
    void anErrorLoggedDuringARequestCarriesItsTraceIdAndTheNextRequestDoesNotInheritIt() throws Exception {
        FhirContext fhir = FhirContext.forDstu3();
        GpConnectServer gpc = new GpConnectServer(fhir, Set.of("A20047"), List.of(new FailingAppointments()),
                new CapabilityStatementProvider("test"), new RequestGuard(GpConnectClient.PROVIDER_ASID, new JwtValidator(fhir, Clock.systemUTC())),
                null, new Traffic(null), new io.gpconnect.fhir.readcache.RenderedReads(ods -> 0),
                new io.gpconnect.fhir.body.BodySizeLimit(io.gpconnect.fhir.body.BodySizeLimit.DEFAULT_MAX_BYTES));
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(gpc), "/*");
        jetty.setHandler(context);

        Logger translator = (Logger) LoggerFactory.getLogger(ExceptionTranslator.class);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        translator.addAppender(captured);
        jetty.start();
        try {
            GpConnectClient client = new GpConnectClient("http://127.0.0.1:" + connector.getLocalPort() + "/A20047/STU3/1/gpconnect");
            HttpResponse<String> failed = client.send(client.request("/Appointment/1", "rest:read:appointment-1", "patient/*.read")
                    .setHeader("Ssp-TraceID", "trace-4711").GET().build());
            assertThat(failed.statusCode()).as(failed.body()).isEqualTo(500);
            HttpResponse<String> next = client.send(client.request("/Appointment/2", "rest:read:appointment-1", "patient/*.read")
                    .setHeader("Ssp-TraceID", "trace-4712").GET().build());
            assertThat(next.statusCode()).isEqualTo(500);
        } finally {
            jetty.stop();
            translator.detachAppender(captured);
        }

        assertThat(captured.list).hasSize(2);
        assertThat(captured.list).extracting(e -> e.getMDCPropertyMap().get(RequestTrace.KEY)).containsExactly("trace-4711", "trace-4712");
        // as the launcher's logback.xml writes it
        String line = format(captured.list.get(0));
        assertThat(line).contains("level=ERROR", "trace_id=trace-4711", "Unexpected failure, incident");
    }

    @Test
    void traceIdsAreKeptToOneTokenAndClearedAfterTheRequest() {
        var request = (jakarta.servlet.http.HttpServletRequest) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {jakarta.servlet.http.HttpServletRequest.class},
                (proxy, method, args) -> method.getName().equals("getHeader") ? "a b=\"c\"\nd" : null);
        try (RequestTrace trace = RequestTrace.begin(request)) {
            assertThat(org.slf4j.MDC.get(RequestTrace.KEY)).isEqualTo("a_b__c__d");
        }
        assertThat(org.slf4j.MDC.get(RequestTrace.KEY)).isNull();
    }

    private static String format(ILoggingEvent event) {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        OutputStreamAppender<ILoggingEvent> stderr = (OutputStreamAppender<ILoggingEvent>) root.getAppender("STDERR");
        return new String(stderr.getEncoder().encode(event), StandardCharsets.UTF_8);
    }
}
