package io.gpconnect.fhir.appointment;

import io.gpconnect.fhir.error.GpConnectException;
import io.gpconnect.fhir.error.SpineCode;
import io.gpconnect.fhir.support.Profiles;
import io.gpconnect.schemas.BookingOrganisation;
import io.gpconnect.schemas.ContactPoint;
import io.gpconnect.schemas.command.BookAppointment;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.CodeType;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.DomainResource;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a Book Appointment body against the consumer's side of spec §5.1 and turns it into a
 * {@link BookAppointment} command. What depends on the slot book (free, contiguous, same schedule, ...) is
 * the processor's to decide.
 */
public final class BookingRequest {
    static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");
    private static final Set<String> ACTOR_TYPES = Set.of("Patient", "Location", "Practitioner", "Device", "RelatedPerson", "HealthcareService");
    static final int DESCRIPTION_MAX = 100;
    static final int COMMENT_MAX = 500;

    private BookingRequest() {
    }

    public static BookAppointment toCommand(Appointment a, String appointmentId) {
        requireProfileAndKnownModifiers(a);
        if (a.hasIdElement() && a.getIdElement().hasIdPart()) {
            invalid("A new appointment must not have an id");
        }
        if (a.getStatus() != Appointment.AppointmentStatus.BOOKED) {
            invalid("status must be 'booked'");
        }
        if (a.hasReason() || a.hasSpecialty() || a.hasAppointmentType() || a.hasIndication()
                || a.hasSupportingInformation() || a.hasIncomingReferral() || a.hasRequestedPeriod()) {
            invalid("reason, specialty, appointmentType, indication, supportingInformation, incomingReferral and requestedPeriod must not be sent");
        }
        if (a.getExtensionByUrl(Profiles.EXT_CANCELLATION_REASON) != null) {
            invalid("A cancellation reason must not be sent when booking");
        }
        if (!a.hasStart() || !a.hasEnd()) {
            invalid("start and end are required");
        }
        if (!a.getEnd().after(a.getStart())) {
            invalid("end must be after start");
        }
        if (!a.hasCreated()) {
            invalid("created is required");
        }
        checkTexts(a);
        if (!a.hasSlot()) {
            invalid("At least one slot is required");
        }
        List<String> slotIds = new ArrayList<>();
        for (Reference slot : a.getSlot()) {
            slotIds.add(localId(slot, "Slot"));
        }
        Participants participants = Participants.of(a);
        BookingOrganisation org = bookingOrganisation(a);
        String deliveryChannel = null;
        Extension dc = a.getExtensionByUrl(Profiles.EXT_DELIVERY_CHANNEL);
        if (dc != null) {
            if (!(dc.getValue() instanceof CodeType code)) {
                throw invalidEx("deliveryChannel must carry a valueCode");
            }
            deliveryChannel = code.getValue();
        }
        String roleCode = null;
        Extension role = a.getExtensionByUrl(Profiles.EXT_PRACTITIONER_ROLE);
        if (role != null) {
            if (!(role.getValue() instanceof CodeableConcept cc) || !cc.hasCoding()) {
                throw invalidEx("practitionerRole must carry a valueCodeableConcept");
            }
            roleCode = cc.getCodingFirstRep().getCode();
        }
        List<io.gpconnect.schemas.Identifier> identifiers = new ArrayList<>();
        for (Identifier id : a.getIdentifier()) {
            if (!id.hasSystem() || !id.hasValue()) {
                invalid("An identifier needs a system and a value");
            }
            if (id.hasUse() || id.hasType() || id.hasPeriod() || id.hasAssigner()) {
                invalid("An appointment identifier carries only a system and a value: use, type, period and assigner are not allowed");
            }
            identifiers.add(new io.gpconnect.schemas.Identifier(id.getSystem(), id.getValue()));
        }
        return BookAppointment.newBuilder()
                .setAppointmentId(appointmentId)
                .setSlotIds(slotIds)
                .setStart(a.getStart().toInstant())
                .setEnd(a.getEnd().toInstant())
                .setMinutesDuration(a.hasMinutesDuration() ? a.getMinutesDuration() : null)
                .setCreated(a.getCreated().toInstant())
                .setDescription(a.getDescription())
                .setComment(a.hasComment() ? a.getComment() : null)
                .setPriority(a.hasPriority() ? a.getPriority() : null)
                .setPatientId(participants.patientId())
                .setPatientParticipantStatus(participants.patientStatus())
                .setLocationId(participants.locationId())
                .setLocationParticipantStatus(participants.locationStatus())
                .setPractitionerId(participants.practitionerId())
                .setPractitionerParticipantStatus(participants.practitionerStatus())
                .setBookingOrganisation(org)
                .setIdentifiers(identifiers)
                .setDeliveryChannel(deliveryChannel)
                .setPractitionerRoleCode(roleCode)
                .build();
    }

    /**
     * Every request body (book, amend, cancel) claims the GP Connect profile (spec §4.1), and carries no modifier
     * extension: none is defined for it, and FHIR forbids acting on a resource whose modifiers are not understood.
     */
    static void requireProfileAndKnownModifiers(Appointment a) {
        if (a.getMeta().getProfile().stream().noneMatch(p -> Profiles.APPOINTMENT.equals(p.getValue()))) {
            invalid("meta.profile must be " + Profiles.APPOINTMENT);
        }
        boolean modified = a.hasModifierExtension()
                || a.getParticipant().stream().anyMatch(p -> p.hasModifierExtension())
                || a.getContained().stream().anyMatch(r -> r instanceof DomainResource d && d.hasModifierExtension());
        if (modified) {
            invalid("modifierExtension is not understood here: GPConnect-Appointment-1 defines none");
        }
    }

    /** Characters as people count them: an emoji is one, though Java's length() counts two UTF-16 units. */
    static void checkTexts(Appointment a) {
        if (!a.hasDescription() || a.getDescription().isBlank()) {
            invalid("description is required");
        }
        if (characters(a.getDescription()) > DESCRIPTION_MAX) {
            invalid("description is longer than " + DESCRIPTION_MAX + " characters");
        }
        if (a.hasComment() && characters(a.getComment()) > COMMENT_MAX) {
            invalid("comment is longer than " + COMMENT_MAX + " characters");
        }
    }

    private static int characters(String text) {
        return text.codePointCount(0, text.length());
    }

    /** A relative reference {@code Type/id}; absolute URLs and other types are refused (spec §1). */
    static String localId(Reference ref, String type) {
        String r = ref.getReference();
        if (r == null || !r.startsWith(type + "/")) {
            throw invalidEx("Expected a relative reference to a " + type + " but got '" + r + "'");
        }
        String id = r.substring(type.length() + 1);
        if (!FHIR_ID.matcher(id).matches()) {
            throw invalidEx("'" + r + "' is not a valid " + type + " reference");
        }
        return id;
    }

    private static BookingOrganisation bookingOrganisation(Appointment a) {
        List<Extension> exts = a.getExtensionsByUrl(Profiles.EXT_BOOKING_ORGANISATION);
        if (exts.size() != 1 || !(exts.get(0).getValue() instanceof Reference ref) || ref.getReference() == null) {
            throw invalidEx("The bookingOrganisation extension referencing a contained Organization is required");
        }
        String reference = ref.getReference();
        if (!reference.startsWith("#")) {
            throw invalidEx("The bookingOrganisation reference must be local (#id), not '" + reference + "'");
        }
        String containedId = reference.substring(1);
        Organization org = null;
        for (Resource r : a.getContained()) {
            if (r instanceof Organization o && containedId.equals(o.getIdElement().getIdPart())) {
                org = o;
            }
        }
        if (org == null) {
            throw invalidEx("The bookingOrganisation reference " + reference + " does not match a contained Organization");
        }
        String ods = org.getIdentifier().stream()
                .filter(i -> Profiles.ODS_ORGANIZATION_CODE.equals(i.getSystem()) && i.hasValue())
                .map(Identifier::getValue).findFirst()
                .orElseThrow(() -> invalidEx("The booking Organization needs an ODS code identifier"));
        if (!org.hasName() || org.getName().isBlank()) {
            invalid("The booking Organization needs a name");
        }
        if (!org.hasTelecom()) {
            invalid("The booking Organization needs a telecom");
        }
        List<ContactPoint> telecom = new ArrayList<>();
        for (var t : org.getTelecom()) {
            if (!t.hasValue()) {
                invalid("Each booking Organization telecom needs a value");
            }
            telecom.add(new ContactPoint(t.hasSystem() ? t.getSystem().toCode() : "other", t.getValue(),
                    t.hasUse() ? t.getUse().toCode() : null));
        }
        String type = null;
        if (org.hasType()) {
            type = org.getTypeFirstRep().getCoding().stream()
                    .filter(c -> Profiles.CS_ORGANISATION_TYPE.equals(c.getSystem()))
                    .map(c -> c.getCode()).findFirst().orElse(null);
        }
        String profile = org.getMeta().getProfile().isEmpty() ? null : org.getMeta().getProfile().get(0).getValue();
        BookingOrganisation fields = BookingOrganisation.newBuilder()
                .setContainedId(containedId)
                .setOdsCode(ods)
                .setName(org.getName())
                .setTelecom(telecom)
                .setOrganisationType(type)
                .setProfile(profile)
                .build();
        return BookingOrganisation.newBuilder(fields).setResource(BookingOrganisations.storedIfMore(org, fields)).build();
    }

    /** The participants of spec §5.1: exactly one patient and one location, at most one practitioner. */
    record Participants(String patientId, String patientStatus, String locationId, String locationStatus,
                        String practitionerId, String practitionerStatus) {

        static Participants of(Appointment a) {
            if (!a.hasParticipant()) {
                invalid("participant is required");
            }
            String patient = null, patientStatus = null, location = null, locationStatus = null, practitioner = null, practitionerStatus = null;
            for (var p : a.getParticipant()) {
                if (!p.hasActor() || p.getActor().getReference() == null) {
                    invalid("Every participant needs an actor reference");
                }
                if (!p.hasStatus()) {
                    invalid("Every participant needs a status");
                }
                String ref = p.getActor().getReference();
                int slash = ref.indexOf('/');
                String type = slash > 0 ? ref.substring(0, slash) : "";
                if (!ACTOR_TYPES.contains(type)) {
                    invalid("Participant actor '" + ref + "' must be a relative reference to a Patient, Location or Practitioner");
                }
                String id = localId(p.getActor(), type);
                String status = p.getStatus().toCode();
                switch (type) {
                    case "Patient" -> {
                        if (patient != null) {
                            invalid("Only one Patient participant is allowed");
                        }
                        patient = id;
                        patientStatus = status;
                    }
                    case "Location" -> {
                        if (location != null) {
                            invalid("Only one Location participant is allowed");
                        }
                        location = id;
                        locationStatus = status;
                    }
                    case "Practitioner" -> {
                        if (practitioner != null) {
                            invalid("Only one Practitioner participant is allowed");
                        }
                        practitioner = id;
                        practitionerStatus = status;
                    }
                    default -> { /* other actor types are allowed by the profile and not stored */ }
                }
            }
            if (patient == null) {
                invalid("A Patient participant is required");
            }
            if (location == null) {
                invalid("A Location participant is required");
            }
            return new Participants(patient, patientStatus, location, locationStatus, practitioner, practitionerStatus);
        }
    }

    static void invalid(String diagnostics) {
        throw invalidEx(diagnostics);
    }

    static GpConnectException invalidEx(String diagnostics) {
        return new GpConnectException(SpineCode.INVALID_RESOURCE, diagnostics);
    }
}
