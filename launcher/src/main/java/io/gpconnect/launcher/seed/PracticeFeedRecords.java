package io.gpconnect.launcher.seed;

import io.gpconnect.schemas.Address;
import io.gpconnect.schemas.ContactPoint;
import io.gpconnect.schemas.feed.FeedSlotStatus;
import io.gpconnect.schemas.feed.LocationPublished;
import io.gpconnect.schemas.feed.OrganisationPublished;
import io.gpconnect.schemas.feed.PatientPublished;
import io.gpconnect.schemas.feed.PracticeFeedRecord;
import io.gpconnect.schemas.feed.PractitionerPublished;
import io.gpconnect.schemas.feed.SchedulePublished;
import io.gpconnect.schemas.feed.SlotPublished;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Turns a practice export into the feed records a practice system would publish: directory, schedules, and
 * the slots of the next {@code days} days. Slot ids are derived from schedule and time, so publishing the
 * same days again changes nothing.
 */
public final class PracticeFeedRecords {
    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter SLOT_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");

    private PracticeFeedRecords() {
    }

    public static List<PracticeFeedRecord> directory(PracticeData d, Instant now) {
        List<Object> changes = new ArrayList<>();
        d.organisations().forEach(o -> changes.add(OrganisationPublished.newBuilder().setId(o.id()).setOdsCode(o.odsCode())
                .setName(o.name()).setTelecom(telecom(o.telecom())).setAddress(address(o.address())).build()));
        d.locations().forEach(l -> changes.add(LocationPublished.newBuilder().setId(l.id()).setName(l.name())
                .setOdsSiteCode(l.odsSiteCode()).setAddress(address(l.address())).setTelecom(telecom(l.telecom()))
                .setManagingOrganisationId(l.managingOrganisationId()).build()));
        d.practitioners().forEach(p -> changes.add(PractitionerPublished.newBuilder().setId(p.id()).setSdsUserId(p.sdsUserId())
                .setRoleProfileIds(list(p.roleProfileIds())).setFamily(p.family()).setGiven(list(p.given()))
                .setPrefix(list(p.prefix())).setGender(p.gender()).setOrganisationId(p.organisationId()).build()));
        d.patients().forEach(p -> changes.add(PatientPublished.newBuilder().setId(p.id()).setNhsNumber(p.nhsNumber())
                .setFamily(p.family()).setGiven(list(p.given())).setPrefix(list(p.prefix())).setBirthDate(p.birthDate())
                .setGender(p.gender()).setAddress(address(p.address())).setTelecom(telecom(p.telecom()))
                .setPreferredBranchLocationId(p.preferredBranchLocationId()).setActive(p.active())
                .setSensitive(p.sensitive()).setDeceased(p.deceased())
                .setSuperseded(p.superseded()).setNotOnSpine(p.notOnSpine()).build()));
        return changes.stream().map(c -> wrap(c, now)).toList();
    }

    public static List<PracticeFeedRecord> schedules(PracticeData d, LocalDate firstDay, int days, Instant now) {
        Instant horizonStart = firstDay.atStartOfDay(UK).toInstant();
        Instant horizonEnd = firstDay.plusDays(days).atStartOfDay(UK).toInstant();
        List<PracticeFeedRecord> out = new ArrayList<>();
        for (PracticeData.Schedule s : d.schedules()) {
            out.add(wrap(SchedulePublished.newBuilder().setId(s.id()).setLocationId(s.locationId())
                    .setPractitionerId(s.practitionerIds() == null || s.practitionerIds().isEmpty() ? null : s.practitionerIds().get(0))
                    .setPractitionerRoleCode(s.practitionerRole().code()).setPractitionerRoleDisplay(s.practitionerRole().display())
                    .setServiceCategory(s.serviceCategory()).setPlanningHorizonStart(horizonStart).setPlanningHorizonEnd(horizonEnd)
                    .build(), now));
        }
        return out;
    }

    public static List<PracticeFeedRecord> slots(PracticeData d, LocalDate firstDay, int days, Instant now) {
        List<PracticeFeedRecord> out = new ArrayList<>();
        for (PracticeData.Schedule s : d.schedules()) {
            PracticeData.SlotTemplate t = s.slots();
            for (int i = 0; i < days; i++) {
                LocalDate day = firstDay.plusDays(i);
                if (t.weekdaysOnly() && (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY)) {
                    continue;
                }
                LocalTime end = LocalTime.parse(t.dayEnd());
                for (LocalTime at = LocalTime.parse(t.dayStart()); !at.plusMinutes(t.lengthMinutes()).isAfter(end);
                     at = at.plusMinutes(t.lengthMinutes())) {
                    Instant start = day.atTime(at).atZone(UK).toInstant();
                    out.add(wrap(SlotPublished.newBuilder()
                            .setId(s.id() + "-" + day.atTime(at).format(SLOT_ID))
                            .setScheduleId(s.id())
                            .setStart(start)
                            .setEnd(start.plusSeconds(60L * t.lengthMinutes()))
                            .setServiceType(t.serviceType())
                            .setDeliveryChannel(t.deliveryChannel())
                            .setStatus(FeedSlotStatus.FREE)
                            .setGpConnectBookable(s.gpConnectBookable())
                            .setBookableOdsCodes(list(s.bookableOdsCodes()))
                            .setBookableOrgTypes(list(s.bookableOrgTypes()))
                            .build(), now));
                }
            }
        }
        return out;
    }

    /** One change as the practice system publishes it, e.g. a slot read from an imported FHIR bundle. */
    public static PracticeFeedRecord of(Object change, Instant now) {
        return wrap(change, now);
    }

    private static PracticeFeedRecord wrap(Object change, Instant now) {
        return PracticeFeedRecord.newBuilder().setChangeId(UUID.randomUUID().toString()).setPublishedAt(now).setChange(change).build();
    }

    private static List<String> list(List<String> in) {
        return in == null ? List.of() : in;
    }

    private static List<ContactPoint> telecom(List<PracticeData.Telecom> in) {
        return in == null ? List.of() : in.stream().filter(Objects::nonNull)
                .map(t -> new ContactPoint(t.system(), t.value(), t.use())).toList();
    }

    private static Address address(PracticeData.Address a) {
        return a == null ? null : Address.newBuilder().setLines(list(a.line())).setCity(a.city()).setDistrict(a.district())
                .setPostalCode(a.postalCode()).build();
    }
}
