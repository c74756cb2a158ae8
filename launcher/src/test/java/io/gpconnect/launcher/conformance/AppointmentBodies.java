package io.gpconnect.launcher.conformance;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.CodeType;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.ContactPoint;
import org.hl7.fhir.dstu3.model.DateTimeType;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.StringType;

import java.util.Date;
import java.util.List;
import java.util.TimeZone;

/**
 * Book Appointment bodies as the assurance suite's DefaultAppointmentBuilder makes them (spec §5.1, §7.1):
 * the slot's times and reference, a Patient and the Schedule's Location (no Practitioner), PART participant
 * types, "Default Description", created = now in UTC, and the contained booking organisation
 * "Test Suite Validator" (A20047, type urgent-care as the default slot search sent) referenced as {@code #1}.
 */
final class AppointmentBodies {
    static final String SD = "https://fhir.nhs.uk/STU3/StructureDefinition/";
    static final String APPOINTMENT_PROFILE = SD + "GPConnect-Appointment-1";
    static final String ORGANIZATION_PROFILE = SD + "CareConnect-GPC-Organization-1";
    static final String BOOKING_ORGANISATION = SD + "Extension-GPConnect-BookingOrganisation-1";
    static final String CANCELLATION_REASON = SD + "Extension-GPConnect-AppointmentCancellationReason-1";
    static final String PRACTITIONER_ROLE = SD + "Extension-GPConnect-PractitionerRole-1";
    static final String DELIVERY_CHANNEL = SD + "Extension-GPConnect-DeliveryChannel-2";
    static final String PARTICIPANT_TYPE = "http://hl7.org/fhir/encounter-participant-type";

    private AppointmentBodies() {
    }

    static Appointment forSlots(List<OpenSlot> slots, String patientRef) {
        OpenSlot first = slots.get(0);
        Appointment a = new Appointment();
        a.getMeta().addProfile(APPOINTMENT_PROFILE);
        a.setStatus(Appointment.AppointmentStatus.BOOKED);
        a.setStartElement(first.slot().getStartElement().copy());
        a.setEndElement(slots.get(slots.size() - 1).slot().getEndElement().copy());
        slots.forEach(s -> a.addSlot(new Reference("Slot/" + s.id())));
        a.addParticipant().setActor(new Reference(patientRef)).setStatus(Appointment.ParticipationStatus.ACCEPTED)
                .addType(participation());
        a.addParticipant().setActor(new Reference(first.locationRef())).setStatus(Appointment.ParticipationStatus.ACCEPTED)
                .addType(participation());
        a.setDescription("Default Description");
        a.setCreatedElement(new DateTimeType(new Date(), TemporalPrecisionEnum.SECOND, TimeZone.getTimeZone("UTC")));
        a.addContained(bookingOrganisation());
        a.addExtension(BOOKING_ORGANISATION, new Reference("#1"));
        return a;
    }

    static Appointment forSlot(OpenSlot slot, String patientRef) {
        return forSlots(List.of(slot), patientRef);
    }

    /** Spec §5.1: the type goes only with a slot found by an org-type search. */
    static Appointment withoutOrganisationType(Appointment a) {
        bookingOrganisation(a).getType().clear();
        return a;
    }

    /** The suite's optional extras: the slot's delivery channel and the hard-coded R0260 role. */
    static Appointment withExtras(Appointment a, OpenSlot slot) {
        a.addExtension(DELIVERY_CHANNEL, slot.slot().getExtensionByUrl(DELIVERY_CHANNEL).getValue().copy());
        a.addExtension(PRACTITIONER_ROLE, new CodeableConcept().addCoding(new Coding(
                "https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-SDSJobRoleName-1", "R0260", "General Medical Practitioner")));
        return a;
    }

    static Appointment cancelling(Appointment current, String reason) {
        Appointment cancel = current.copy();
        cancel.setStatus(Appointment.AppointmentStatus.CANCELLED);
        cancel.addExtension(CANCELLATION_REASON, new StringType(reason));
        return cancel;
    }

    static Organization bookingOrganisation(Appointment a) {
        return (Organization) a.getContained().get(0);
    }

    static CodeType deliveryChannelOf(OpenSlot slot) {
        return (CodeType) slot.slot().getExtensionByUrl(DELIVERY_CHANNEL).getValue();
    }

    private static Organization bookingOrganisation() {
        Organization org = new Organization();
        org.setId("1");
        org.getMeta().addProfile(ORGANIZATION_PROFILE);
        org.setName("Test Suite Validator");
        org.addIdentifier().setSystem(Jwt.ODS_SYSTEM).setValue("A20047");
        org.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setUse(ContactPoint.ContactPointUse.TEMP)
                .setValue("01823938938");
        org.addType(new CodeableConcept().addCoding(new Coding(
                "https://fhir.nhs.uk/STU3/CodeSystem/GPConnect-OrganisationType-1", "urgent-care", "Urgent Care")));
        return org;
    }

    private static CodeableConcept participation() {
        return new CodeableConcept().addCoding(new Coding(PARTICIPANT_TYPE, "PART", "Participation")).setText("Participation");
    }
}
