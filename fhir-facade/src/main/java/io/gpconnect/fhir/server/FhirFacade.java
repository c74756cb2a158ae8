package io.gpconnect.fhir.server;

import ca.uhn.fhir.context.FhirContext;
import io.gpconnect.commands.CommandGateway;
import io.gpconnect.fhir.access.PatientAccess;
import io.gpconnect.fhir.appointment.AppointmentProvider;
import io.gpconnect.fhir.appointment.AppointmentService;
import io.gpconnect.fhir.appointment.ChangeRequest;
import io.gpconnect.fhir.body.BodySizeLimit;
import io.gpconnect.fhir.directory.Directory;
import io.gpconnect.fhir.directory.LocationProvider;
import io.gpconnect.fhir.directory.OrganizationProvider;
import io.gpconnect.fhir.directory.PractitionerProvider;
import io.gpconnect.fhir.metadata.CapabilityStatementProvider;
import io.gpconnect.fhir.patient.PatientProvider;
import io.gpconnect.fhir.patient.PatientRegistration;
import io.gpconnect.fhir.security.JwtValidator;
import io.gpconnect.fhir.security.RequestGuard;
import io.gpconnect.fhir.slot.SlotProvider;
import io.gpconnect.fhir.tls.TlsConnectors;
import io.gpconnect.fhir.tls.TlsSettings;
import io.gpconnect.store.ViewQueries;
import io.gpconnect.fhir.readcache.RenderedReads;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.ServerConnector;

import io.gpconnect.fhir.routing.PracticeForwarding;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServlet;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.List;
import java.util.Set;

/** The GP Connect HTTP facade on Jetty: one HAPI server answering every served practice's service root. */
public final class FhirFacade implements AutoCloseable {
    /**
     * Settings of the facade.
     *
     * @param maxBodyBytes the largest request body accepted ({@link BodySizeLimit})
     * @param tls          HTTPS with these settings instead of plain HTTP, when present
     */
    public record Settings(String host, int port, Set<String> servedOds, String providerAsid, String softwareVersion,
                           long maxBodyBytes, Optional<TlsSettings> tls) {
        public Settings(String host, int port, Set<String> servedOds, String providerAsid, String softwareVersion) {
            this(host, port, servedOds, providerAsid, softwareVersion, BodySizeLimit.DEFAULT_MAX_BYTES, Optional.empty());
        }
    }

    private final Server jetty;
    private final int port;

    private FhirFacade(Server jetty, int port) {
        this.jetty = jetty;
        this.port = port;
    }

    /**
     * What the facade is given besides the FHIR interactions: servlets at other paths (operations endpoints),
     * who owns a practice when several instances run, and where request metrics go.
     */
    public record Extras(Map<String, HttpServlet> servlets, Function<String, Optional<String>> remoteOwner, MeterRegistry meters) {
        public static final Extras NONE = new Extras(Map.of(), ods -> Optional.empty(), null);
    }

    /**
     * How much of a body is read before a request is handled. A booking is a few KB; a larger body (up to the
     * body limit, then 413) is handled after this much has arrived. Bounded so that many connections, each
     * trickling a big body, cannot hold much memory: a thousand of them hold at most 64 MB.
     */
    static final long RETAINED_BODY_BYTES = 64 * 1024;
    /** How long a stop waits for requests in flight: a booking waits at most its decision timeout (10 s by default). */
    static final Duration STOP_GRACE = Duration.ofSeconds(12);

    public static FhirFacade start(Settings settings, CommandGateway gateway, ViewQueries views, Clock clock) {
        return start(settings, gateway, views, clock, Extras.NONE);
    }

    public static FhirFacade start(Settings settings, CommandGateway gateway, ViewQueries views, Clock clock, Extras extras) {
        FhirContext fhir = FhirContext.forDstu3Cached(); // shared with what keeps the booking organisation (BookingOrganisations)
        Directory directory = new Directory(views);
        AppointmentService appointments = new AppointmentService(gateway, views, clock);
        PatientAccess access = new PatientAccess(directory);
        GpConnectServer server = new GpConnectServer(fhir, settings.servedOds(), List.of(
                new PatientProvider(directory, views, new PatientRegistration(gateway, directory, clock), clock, access),
                new OrganizationProvider(directory),
                new PractitionerProvider(directory),
                new LocationProvider(directory),
                new SlotProvider(views, directory),
                new AppointmentProvider(appointments, new ChangeRequest(fhir), clock, access)),
                new CapabilityStatementProvider(settings.softwareVersion()),
                new RequestGuard(settings.providerAsid(), new JwtValidator(fhir, clock)),
                new PracticeForwarding(extras.remoteOwner()), new Traffic(extras.meters()), new RenderedReads(views::generation),
                new BodySizeLimit(settings.maxBodyBytes()));

        Server jetty = new Server();
        ServerConnector connector = settings.tls().map(tls -> TlsConnectors.https(jetty, tls))
                .orElseGet(() -> new ServerConnector(jetty));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder("gpconnect", server), "/*");
        extras.servlets().forEach((path, servlet) -> context.addServlet(new ServletHolder(servlet), path));
        // A request gets a thread only once its body has arrived (up to RETAINED_BODY_BYTES, which every GP Connect
        // body fits): each one still arriving, or stalled, held one of Jetty's 200 request threads, so about 200
        // slow or stalled bodies from a single client made the service unreachable (SlowClientsTest).
        Handler eager = new EagerContentHandler(context, new EagerContentHandler.RetainedContentLoaderFactory(RETAINED_BODY_BYTES, -1, false));
        // Stopping (SIGTERM, Ctrl-C) stops taking connections, answers what it has taken (503 to new requests on
        // open connections), and only then lets the engine stop the rest: a consumer left without an answer does
        // not know whether it booked. The facade is the first thing the engine stops, so decisions still flow.
        jetty.setHandler(new GracefulHandler(eager));
        jetty.setStopTimeout(STOP_GRACE.toMillis());
        jetty.setErrorHandler(new ContainerErrors(fhir));
        try {
            jetty.start();
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the HTTP server on " + settings.host() + ":" + settings.port() + ": " + e.getMessage(), e);
        }
        return new FhirFacade(jetty, connector.getLocalPort());
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
