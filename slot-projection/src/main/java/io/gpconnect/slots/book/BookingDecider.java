package io.gpconnect.slots.book;

import io.gpconnect.schemas.appointment.Appointment;
import io.gpconnect.schemas.appointment.AppointmentStatus;
import io.gpconnect.schemas.command.BookAppointment;
import io.gpconnect.schemas.feed.PatientPublished;
import io.gpconnect.schemas.feed.SchedulePublished;
import io.gpconnect.schemas.slot.OrganisationAccess;
import io.gpconnect.schemas.slot.SlotState;
import io.gpconnect.schemas.slot.SlotStatus;
import io.gpconnect.slots.Decision;
import io.gpconnect.slots.PracticeBook;
import io.gpconnect.slots.SlotChange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static io.gpconnect.schemas.event.RejectionReason.*;

/**
 * Decides a booking against the practice's current slots (spec §5.1 slot rules, §5.6 availability rules).
 * Checks are ordered so that a slot taken by a racing booking is reported as such (DUPLICATE_REJECTED)
 * whatever else the request got wrong about it.
 */
public final class BookingDecider {

    public Decision decide(String ods, BookAppointment book, Instant now, PracticeBook practice) {
        if (practice.appointment(ods, book.getAppointmentId()).isPresent()) {
            return Decision.reject(APPOINTMENT_ALREADY_EXISTS, "Appointment " + book.getAppointmentId() + " already exists");
        }
        List<SlotState> slots = new ArrayList<>();
        for (String slotId : book.getSlotIds()) {
            Optional<SlotState> slot = practice.slot(ods, slotId);
            if (slot.isEmpty() || slot.get().getStatus() == SlotStatus.WITHDRAWN) {
                return Decision.reject(SLOT_NOT_FOUND, "Slot/" + slotId + " does not exist");
            }
            for (SlotState s : slots) {
                if (s.getId().equals(slotId)) {
                    return Decision.reject(SLOTS_NOT_CONTIGUOUS, "Slot/" + slotId + " is referenced twice");
                }
            }
            slots.add(slot.get());
        }
        slots.sort(Comparator.comparing(SlotState::getStart));
        SlotState first = slots.get(0);
        SlotState last = slots.get(slots.size() - 1);
        for (SlotState s : slots) {
            if (!s.getScheduleId().equals(first.getScheduleId())) {
                return Decision.reject(SLOTS_IN_DIFFERENT_SCHEDULES, "All slots of one appointment must belong to the same Schedule");
            }
        }
        for (SlotState s : slots) {
            if (s.getStatus() != SlotStatus.FREE) {
                return Decision.reject(SLOT_NOT_FREE, "Slot/" + s.getId() + " is no longer free");
            }
        }
        for (SlotState s : slots) {
            if (!s.getGpConnectBookable()) {
                return Decision.reject(SLOT_NOT_BOOKABLE, "Slot/" + s.getId() + " cannot be booked through GP Connect");
            }
        }
        for (int i = 1; i < slots.size(); i++) {
            SlotState prev = slots.get(i - 1);
            SlotState next = slots.get(i);
            if (!next.getStart().equals(prev.getEnd())) {
                return Decision.reject(SLOTS_NOT_CONTIGUOUS, "Slot/" + next.getId() + " does not start when Slot/" + prev.getId() + " ends");
            }
            if (!next.getDeliveryChannel().equals(prev.getDeliveryChannel())) {
                return Decision.reject(SLOTS_DIFFER_IN_DELIVERY_CHANNEL, "Slots of one appointment must share a delivery channel");
            }
            if (!next.getServiceType().equals(prev.getServiceType())) {
                return Decision.reject(SLOTS_DIFFER_IN_SERVICE_TYPE, "Slots of one appointment must share a slot type");
            }
        }
        if (first.getStart().isBefore(now)) {
            return Decision.reject(SLOT_IN_PAST, "Slot/" + first.getId() + " starts in the past");
        }
        if (!book.getStart().equals(first.getStart()) || !book.getEnd().equals(last.getEnd())) {
            return Decision.reject(TIMES_DO_NOT_MATCH_SLOTS,
                    "Appointment start and end must equal the start of the first slot and the end of the last slot");
        }
        Optional<SchedulePublished> schedule = practice.schedule(ods, first.getScheduleId());
        if (schedule.isEmpty()) {
            return Decision.reject(SLOT_NOT_FOUND, "The Schedule of Slot/" + first.getId() + " is not known");
        }
        SchedulePublished sch = schedule.get();
        if (!sch.getLocationId().equals(book.getLocationId())) {
            return Decision.reject(LOCATION_NOT_OF_SCHEDULE, "Location/" + book.getLocationId() + " is not the location of the slot's Schedule");
        }
        if (book.getPractitionerId() != null && !book.getPractitionerId().equals(sch.getPractitionerId())) {
            return Decision.reject(PRACTITIONER_NOT_OF_SCHEDULE, "Practitioner/" + book.getPractitionerId() + " is not the practitioner of the slot's Schedule");
        }
        Optional<PatientPublished> patient = practice.patient(ods, book.getPatientId());
        // The patients a search leaves out (spec §2.2 F2) cannot be booked for by id either.
        PatientPublished p = patient.orElse(null);
        if (p == null || !p.getActive() || p.getSensitive() || p.getDeceased() || p.getSuperseded()) {
            return Decision.reject(PATIENT_NOT_FOUND, "Patient/" + book.getPatientId() + " is not a patient of this practice");
        }
        for (SlotState s : slots) {
            if (!OrganisationAccess.permits(s, book.getBookingOrganisation())) {
                return Decision.reject(ORGANISATION_NOT_PERMITTED, "Slot/" + s.getId() + " is not available to the booking organisation");
            }
        }
        if (book.getDeliveryChannel() != null && !book.getDeliveryChannel().equals(first.getDeliveryChannel())) {
            return Decision.reject(DELIVERY_CHANNEL_MISMATCH, "deliveryChannel does not match the slot's delivery channel");
        }
        if (book.getPractitionerRoleCode() != null && !book.getPractitionerRoleCode().equals(sch.getPractitionerRoleCode())) {
            return Decision.reject(PRACTITIONER_ROLE_MISMATCH, "practitionerRole does not match the Schedule's practitioner role");
        }

        Appointment appointment = Appointment.newBuilder()
                .setId(book.getAppointmentId())
                .setVersion(1)
                .setStatus(AppointmentStatus.BOOKED)
                .setPracticeOds(ods)
                .setScheduleId(sch.getId())
                .setSlotIds(slotIds(slots))
                .setStart(book.getStart())
                .setEnd(book.getEnd())
                .setMinutesDuration(book.getMinutesDuration())
                .setCreated(book.getCreated())
                .setLastUpdated(now)
                .setDescription(book.getDescription())
                .setComment(book.getComment())
                .setPriority(book.getPriority())
                .setPatientId(book.getPatientId())
                .setLocationId(book.getLocationId())
                .setPractitionerId(book.getPractitionerId())
                .setPatientParticipantStatus(book.getPatientParticipantStatus())
                .setLocationParticipantStatus(book.getLocationParticipantStatus())
                .setPractitionerParticipantStatus(book.getPractitionerParticipantStatus())
                .setBookingOrganisation(book.getBookingOrganisation())
                .setIdentifiers(book.getIdentifiers())
                .setCancellationReason(null)
                .setPractitionerRoleCode(sch.getPractitionerRoleCode())
                .setPractitionerRoleDisplay(sch.getPractitionerRoleDisplay())
                .setDeliveryChannel(first.getDeliveryChannel())
                .setServiceType(first.getServiceType())
                .setServiceCategory(sch.getServiceCategory())
                .build();
        List<SlotChange> taken = new ArrayList<>(slots.size());
        for (SlotState s : slots) {
            taken.add(new SlotChange(s, SlotState.newBuilder(s).setStatus(SlotStatus.BUSY).setAppointmentId(appointment.getId()).build()));
        }
        return new Decision.Accepted(appointment, taken);
    }

    private static List<String> slotIds(List<SlotState> slots) {
        List<String> ids = new ArrayList<>(slots.size());
        for (SlotState s : slots) {
            ids.add(s.getId());
        }
        return ids;
    }
}
