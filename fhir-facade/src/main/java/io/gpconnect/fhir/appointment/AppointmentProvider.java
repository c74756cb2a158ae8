package io.gpconnect.fhir.appointment;

import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import io.gpconnect.fhir.access.PatientAccess;
import io.gpconnect.fhir.error.GpConnectException;
import io.gpconnect.fhir.error.SpineCode;
import io.gpconnect.fhir.interaction.Interaction;
import io.gpconnect.fhir.security.RequestContext;
import io.gpconnect.fhir.server.Caller;
import io.gpconnect.fhir.server.Practice;
import io.gpconnect.fhir.body.RequestBodies;
import io.gpconnect.fhir.support.UkTime;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.IdType;

import java.time.Clock;
import java.time.LocalDate;

/** A2 book, A4 read, A5 amend and A6 cancel (spec §2.4–2.9), thin over {@link AppointmentService}. */
public final class AppointmentProvider implements IResourceProvider {
    private final AppointmentService service;
    private final ChangeRequest changes;
    private final Clock clock;
    private final PatientAccess access;

    public AppointmentProvider(AppointmentService service, ChangeRequest changes, Clock clock, PatientAccess access) {
        this.service = service;
        this.changes = changes;
        this.clock = clock;
        this.access = access;
    }

    @Override
    public Class<Appointment> getResourceType() {
        return Appointment.class;
    }

    @Read
    public Appointment read(@IdParam IdType id, RequestDetails request) {
        String ods = Practice.ods(request);
        io.gpconnect.schemas.appointment.Appointment stored = existing(ods, id);
        access.requireOwnPatient(request, ods, stored.getPatientId());
        // Spec §2.6: only appointments starting today or later may be read.
        LocalDate startDay = stored.getStart().atZone(UkTime.ZONE).toLocalDate();
        if (startDay.isBefore(LocalDate.now(clock.withZone(UkTime.ZONE)))) {
            throw new GpConnectException(SpineCode.INVALID_RESOURCE, "Appointment/" + id.getIdPart() + " is in the past and cannot be read");
        }
        return AppointmentMapper.toFhir(stored);
    }

    /** HAPI binds a create only with a {@code @ResourceParam}; the body itself was parsed before (RequestBodies). */
    @Create
    public MethodOutcome book(@ResourceParam String rawBody, RequestDetails request) {
        Appointment sent = RequestBodies.of(request, Appointment.class);
        var command = BookingRequest.toCommand(sent, AppointmentService.newAppointmentId());
        String ods = Practice.ods(request);
        access.requireOwnPatient(request, ods, command.getPatientId());
        var booked = service.book(ods, command, Caller.requester(request));
        return outcome(booked).setCreated(true);
    }

    @Update
    public MethodOutcome amendOrCancel(@IdParam IdType id, @ResourceParam String rawBody, RequestDetails request) {
        String ods = Practice.ods(request);
        io.gpconnect.schemas.appointment.Appointment stored = existing(ods, id);
        access.requireOwnPatient(request, ods, stored.getPatientId());
        Appointment sent = RequestBodies.of(request, Appointment.class);
        if (sent.getIdElement().hasIdPart() && !sent.getIdElement().getIdPart().equals(id.getIdPart())) {
            throw new GpConnectException(SpineCode.BAD_REQUEST, "The id in the body does not match the id in the URL");
        }
        // Without If-Match, the body was still checked against this version (only description and comment, or
        // status and reason, may differ from it): a change decided against a newer one would let through what
        // that check never saw, so the processor holds it to this version too.
        long expectedVersion = IfMatch.expectedVersion(request.getHeader("If-Match"), stored.getVersion()).orElse(stored.getVersion());
        Appointment current = AppointmentMapper.toFhir(stored);
        boolean cancel = Caller.context(request).map(RequestContext::interaction).orElse(null) == Interaction.APPOINTMENT_CANCEL
                || (Caller.context(request).isEmpty() && sent.getStatus() == Appointment.AppointmentStatus.CANCELLED);
        io.gpconnect.schemas.appointment.Appointment changed;
        if (cancel) {
            String reason = changes.cancellation(current, sent);
            changed = service.cancel(ods, id.getIdPart(), expectedVersion, reason, Caller.requester(request));
        } else {
            ChangeRequest.Amendment amendment = changes.amendment(current, sent);
            changed = service.amend(ods, id.getIdPart(), expectedVersion, amendment.description(), amendment.comment(), Caller.requester(request));
        }
        return outcome(changed);
    }

    private io.gpconnect.schemas.appointment.Appointment existing(String ods, IdType id) {
        String idPart = id.getIdPart();
        if (idPart == null || !BookingRequest.FHIR_ID.matcher(idPart).matches()) {
            throw new GpConnectException(SpineCode.NO_RECORD_FOUND, "No appointment with id '" + idPart + "'");
        }
        return service.read(ods, idPart)
                .orElseThrow(() -> new GpConnectException(SpineCode.NO_RECORD_FOUND, "No appointment with id '" + idPart + "'"));
    }

    private static MethodOutcome outcome(io.gpconnect.schemas.appointment.Appointment a) {
        Appointment fhir = AppointmentMapper.toFhir(a);
        MethodOutcome outcome = new MethodOutcome(new IdType("Appointment", a.getId(), String.valueOf(a.getVersion())));
        outcome.setResource(fhir);
        return outcome;
    }
}
