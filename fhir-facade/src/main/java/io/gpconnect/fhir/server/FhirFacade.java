package io.gpconnect.fhir.server;

import ca.uhn.fhir.context.FhirContext;
import io.gpconnect.commands.CommandGateway;
import io.gpconnect.fhir.appointment.AppointmentProvider;
import io.gpconnect.fhir.appointment.AppointmentService;
import io.gpconnect.fhir.appointment.ChangeRequest;
import io.gpconnect.fhir.directory.Directory;
import io.gpconnect.fhir.directory.LocationProvider;
import io.gpconnect.fhir.directory.OrganizationProvider;
import io.gpconnect.fhir.directory.PractitionerProvider;
import io.gpconnect.fhir.metadata.CapabilityStatementProvider;
import io.gpconnect.fhir.patient.PatientProvider;
import io.gpconnect.fhir.security.JwtValidator;
import io.gpconnect.fhir.security.RequestGuard;
import io.gpconnect.fhir.slot.SlotProvider;
import io.gpconnect.fhir.support.FhirBodies;
import io.gpconnect.store.ViewQueries;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.time.Clock;
import java.util.List;
import java.util.Set;

/** The GP Connect HTTP facade on Jetty: one HAPI server answering every served practice's service root. */
public final class FhirFacade implements AutoCloseable {
    /** Settings of the facade. */
    public record Settings(String host, int port, Set<String> servedOds, String providerAsid, String softwareVersion) {
    }

    private final Server jetty;
    private final int port;

    private FhirFacade(Server jetty, int port) {
        this.jetty = jetty;
        this.port = port;
    }

    public static FhirFacade start(Settings settings, CommandGateway gateway, ViewQueries views, Clock clock) {
        FhirContext fhir = FhirContext.forDstu3();
        Directory directory = new Directory(views);
        AppointmentService appointments = new AppointmentService(gateway, views, clock);
        GpConnectServer server = new GpConnectServer(fhir, settings.servedOds(), List.of(
                new PatientProvider(directory, views, clock),
                new OrganizationProvider(directory),
                new PractitionerProvider(directory),
                new LocationProvider(directory),
                new SlotProvider(views, directory),
                new AppointmentProvider(appointments, new FhirBodies(fhir), new ChangeRequest(fhir), clock)),
                new CapabilityStatementProvider(settings.softwareVersion()),
                new RequestGuard(settings.providerAsid(), new JwtValidator(fhir, clock)));

        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder("gpconnect", server), "/*");
        jetty.setHandler(context);
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
