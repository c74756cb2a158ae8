package io.gpconnect.fhir.appointment;

import io.gpconnect.fhir.support.Profiles;
import io.gpconnect.fhir.support.Resources;
import io.gpconnect.fhir.support.UkTime;
import io.gpconnect.schemas.BookingOrganisation;
import io.gpconnect.schemas.appointment.AppointmentStatus;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.CodeType;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.StringType;

/** The stored appointment as a GPConnect-Appointment-1 resource (spec §4.1). */
public final class AppointmentMapper {
    private AppointmentMapper() {
    }

    public static Appointment toFhir(io.gpconnect.schemas.appointment.Appointment a) {
        Appointment out = new Appointment();
        out.setId(a.getId());
        out.setMeta(Resources.meta(Profiles.APPOINTMENT, a.getVersion()).setLastUpdatedElement(UkTime.instant(a.getLastUpdated())));

        BookingOrganisation org = a.getBookingOrganisation();
        out.addContained(org.getResource() != null ? BookingOrganisations.asSent(org) : fromFields(org));

        out.addExtension(Profiles.EXT_BOOKING_ORGANISATION, new Reference("#" + org.getContainedId()));
        out.addExtension(Profiles.EXT_PRACTITIONER_ROLE, new CodeableConcept().addCoding(
                new Coding(Profiles.CS_SDS_JOB_ROLE, a.getPractitionerRoleCode(), a.getPractitionerRoleDisplay())));
        out.addExtension(Profiles.EXT_DELIVERY_CHANNEL, new CodeType(a.getDeliveryChannel()));
        if (a.getCancellationReason() != null) {
            out.addExtension(Profiles.EXT_CANCELLATION_REASON, new StringType(a.getCancellationReason()));
        }
        for (var id : a.getIdentifiers()) {
            out.addIdentifier(new Identifier().setSystem(id.getSystem()).setValue(id.getValue()));
        }
        out.setStatus(a.getStatus() == AppointmentStatus.CANCELLED
                ? Appointment.AppointmentStatus.CANCELLED : Appointment.AppointmentStatus.BOOKED);
        if (a.getServiceCategory() != null) {
            out.setServiceCategory(new CodeableConcept().setText(a.getServiceCategory()));
        }
        out.addServiceType(new CodeableConcept().setText(a.getServiceType()));
        if (a.getPriority() != null) {
            out.setPriority(a.getPriority());
        }
        out.setDescription(a.getDescription());
        out.setStartElement(UkTime.instant(a.getStart()));
        out.setEndElement(UkTime.instant(a.getEnd()));
        if (a.getMinutesDuration() != null) {
            out.setMinutesDuration(a.getMinutesDuration());
        }
        a.getSlotIds().forEach(s -> out.addSlot(new Reference("Slot/" + s)));
        out.setCreatedElement(UkTime.dateTime(a.getCreated()));
        if (a.getComment() != null) {
            out.setComment(a.getComment());
        }
        out.addParticipant().setActor(new Reference("Patient/" + a.getPatientId()))
                .setStatus(Appointment.ParticipationStatus.fromCode(a.getPatientParticipantStatus()));
        out.addParticipant().setActor(new Reference("Location/" + a.getLocationId()))
                .setStatus(Appointment.ParticipationStatus.fromCode(a.getLocationParticipantStatus()));
        if (a.getPractitionerId() != null) {
            out.addParticipant().setActor(new Reference("Practitioner/" + a.getPractitionerId()))
                    .setStatus(Appointment.ParticipationStatus.fromCode(
                            a.getPractitionerParticipantStatus() != null ? a.getPractitionerParticipantStatus() : "accepted"));
        }
        return out;
    }

    /** The organisation from its kept parts: all there is when nothing more was sent, or before it was kept whole. */
    static Organization fromFields(BookingOrganisation org) {
        Organization contained = new Organization();
        contained.setId(org.getContainedId());
        contained.getMeta().addProfile(org.getProfile() != null ? org.getProfile() : Profiles.ORGANIZATION);
        contained.addIdentifier().setSystem(Profiles.ODS_ORGANIZATION_CODE).setValue(org.getOdsCode());
        if (org.getOrganisationType() != null) {
            contained.addType(new CodeableConcept().addCoding(new Coding(Profiles.CS_ORGANISATION_TYPE, org.getOrganisationType(), null)));
        }
        contained.setName(org.getName());
        contained.setTelecom(new java.util.ArrayList<>(Resources.contactPoints(org.getTelecom())));
        return contained;
    }
}
