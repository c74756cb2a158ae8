package io.gpconnect.launcher.conformance;

import io.gpconnect.launcher.SharedEngine;
import io.gpconnect.launcher.seed.PracticeData;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.CodeType;
import org.hl7.fhir.dstu3.model.Location;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Practitioner;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Resource;
import org.hl7.fhir.dstu3.model.Schedule;
import org.hl7.fhir.dstu3.model.Slot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.gpconnect.launcher.conformance.OpenSlots.UK;
import static io.gpconnect.launcher.conformance.SpineAssertions.assertError;
import static io.gpconnect.launcher.conformance.SpineAssertions.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

/** A1 Search for free slots (spec §2.3, §5.6; suite SearchForFreeSlots.feature). */
class SlotSearchTest {
    private static final String SD = "https://fhir.nhs.uk/STU3/StructureDefinition/";
    private static final String ODS = "https://fhir.nhs.uk/Id/ods-organization-code";
    private static final String ORG_TYPE = "https://fhir.nhs.uk/STU3/CodeSystem/GPConnect-OrganisationType-1";
    private static final Set<String> DELIVERY_CHANNELS = Set.of("In-person", "Telephone", "Video");
    private static final DateTimeFormatter WITH_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    /** start/end/status/_include as the suite sends them, with no searchFilter. */
    private static Call required(String start, String end) {
        return Call.get("/Slot", Gpc.SLOT_SEARCH).param("start", start).param("end", end)
                .param("status", "free").param("_include", "Slot:schedule");
    }

    /** The suite's "required parameters with a time period of n days" (starting tomorrow, ODS + urgent-care). */
    private static Call forDays(int days) {
        LocalDate tomorrow = OpenSlots.today().plusDays(1);
        return OpenSlots.search(tomorrow, tomorrow.plusDays(days));
    }

    /** The suite computes dates as local midnight and sends them as FHIR dateTimes with the UK offset. */
    private static String ukDateTime(LocalDate day) {
        return day.atStartOfDay(UK).format(WITH_OFFSET);
    }

    @ParameterizedTest(name = "{0} days")
    @ValueSource(ints = {0, 1, 8, 14})
    void acceptsAWindowOfUpToFourteenDays(int days) {
        assertStatus(forDays(days).send(), 200).bundle();
    }

    @ParameterizedTest(name = "{0} days")
    @ValueSource(ints = {15, 30, 31, -1})
    void rejectsAWindowLongerThanFourteenDaysOrReversed(int days) {
        assertError(forDays(days).send(), 422, "INVALID_PARAMETER");
    }

    @Test
    void acceptsAFourteenDayWindowOfDateTimesStartingAtLocalMidnight() {
        LocalDate tomorrow = OpenSlots.today().plusDays(1);
        Reply reply = required("ge" + ukDateTime(tomorrow), "le" + ukDateTime(tomorrow.plusDays(14))).send();
        assertStatus(reply, 200).bundle();
    }

    @ParameterizedTest(name = "without {0}")
    @ValueSource(strings = {"start", "end", "status", "_include", "start,end"})
    void needsStartEndStatusAndTheScheduleInclude(String missing) {
        LocalDate day = OpenSlots.today().plusDays(1);
        Set<String> drop = Set.of(missing.split(","));
        Call call = Call.get("/Slot", Gpc.SLOT_SEARCH);
        if (!drop.contains("start")) {
            call.param("start", "ge" + day);
        }
        if (!drop.contains("end")) {
            call.param("end", "le" + day.plusDays(3));
        }
        if (!drop.contains("status")) {
            call.param("status", "free");
        }
        if (!drop.contains("_include")) {
            call.param("_include", "Slot:schedule");
        }
        assertError(call.send(), 400, "BAD_REQUEST");
    }

    @ParameterizedTest(name = "start={0} end={1} status={2}")
    @CsvSource(value = {"invalidStartDate,le+3,free", "'',le+3,free", "ge+0,invalidEnddate,free", "ge+0,'',free",
            "ge+0,le+3,busy"}, emptyValue = "")
    void rejectsAnInvalidStartEndOrStatus(String start, String end, String status) {
        LocalDate day = OpenSlots.today().plusDays(1);
        Call call = Call.get("/Slot", Gpc.SLOT_SEARCH).param("start", relative(start, day)).param("end", relative(end, day))
                .param("status", status).param("_include", "Slot:schedule");
        assertError(call.send(), 422, "INVALID_PARAMETER");
    }

    @ParameterizedTest(name = "start={0}… end={1}…")
    @CsvSource({"lt,gt", "gt,gt", "lt,lt", "le,ge", "eq,eq", "gt,lt", "ne,ne", "gt,ne", "ne,lt", "ge,ne", "ne,le", ",le", "ge,"})
    void acceptsOnlyGeOnStartAndLeOnEnd(String startPrefix, String endPrefix) {
        LocalDate today = OpenSlots.today();
        Reply reply = required(nullToEmpty(startPrefix) + today, nullToEmpty(endPrefix) + today.plusDays(3)).send();
        assertError(reply, 422, "INVALID_PARAMETER");
    }

    @ParameterizedTest(name = "start {0}, end {1}")
    @CsvSource({"date,date", "dateTime,dateTime", "dateTime,date", "date,dateTime"})
    void acceptsDatesAndDateTimesWithTheUkOffsetMixed(String startForm, String endForm) {
        LocalDate today = OpenSlots.today();
        Reply reply = required("ge" + form(startForm, today), "le" + form(endForm, today.plusDays(3))).send();
        assertStatus(reply, 200).bundle();
    }

    @ParameterizedTest(name = "start {0}, end {1}")
    @CsvSource({"noOffset,noOffset", "zulu,noOffset", "noOffset,zulu", "year,month", "month,year"})
    void rejectsPartialDatesAndDateTimesWithoutOffsetOrWithZ(String startForm, String endForm) {
        LocalDate today = OpenSlots.today();
        Reply reply = required("ge" + form(startForm, today), "le" + form(endForm, today.plusDays(3))).send();
        assertError(reply, 422, "INVALID_PARAMETER");
    }

    @Test
    void ignoresSearchFiltersOfUnknownSystemsAndOtherUnknownParameters() {
        LocalDate day = OpenSlots.today().plusDays(1);
        Set<String> plain = slotIds(OpenSlots.search(day, day.plusDays(2)).send());
        Reply withExtras = OpenSlots.search(day, day.plusDays(2))
                .param("searchFilter", "FilterCategory-7|OtherConsumerCategory")
                .param("searchFilter", "https://fhir.nhs.uk/Id/otherIdentifier|otherID")
                .param("searchFilter", "TypeCategory|OtherTypeCategory")
                .param("_sort", "date").param("_count", "1").send();
        assertThat(slotIds(withExtras)).isNotEmpty().isEqualTo(plain);
    }

    @Test
    void returnsFreeGpConnectSlotsInsideTheWindowWithTheirSchedules() {
        LocalDate from = OpenSlots.today().plusDays(1);
        LocalDate to = from.plusDays(2);
        Bundle bundle = assertStatus(OpenSlots.search(from, to).send(), 200).bundle();
        List<Slot> slots = resources(bundle, Slot.class);
        assertThat(slots).isNotEmpty();
        Set<String> schedules = resources(bundle, Schedule.class).stream()
                .map(s -> "Schedule/" + s.getIdElement().getIdPart()).collect(Collectors.toSet());
        for (Slot slot : slots) {
            assertThat(slot.getMeta().getProfile()).extracting(p -> p.getValue()).containsExactly(SD + "GPConnect-Slot-1");
            assertThat(slot.getStatus()).isEqualTo(Slot.SlotStatus.FREE);
            assertThat(slot.getStart().toInstant()).isAfterOrEqualTo(from.atStartOfDay(UK).toInstant());
            assertThat(slot.getEnd().toInstant()).isBeforeOrEqualTo(to.plusDays(1).atStartOfDay(UK).toInstant());
            assertThat(slot.getIdentifier()).hasSizeLessThanOrEqualTo(1);
            assertThat(slot.getExtensionsByUrl(SD + "Extension-GPConnect-DeliveryChannel-2")).singleElement()
                    .satisfies(e -> assertThat(((CodeType) e.getValue()).getValue()).isIn(DELIVERY_CHANNELS));
            assertThat(slot.getServiceTypeFirstRep().getText()).isNotBlank();
            assertThat(slot.hasSpecialty()).isFalse();
            assertThat(slot.hasComment()).isFalse();
            assertThat(slot.getSchedule().getReference()).isIn(schedules);
        }
        List<Schedule> included = resources(bundle, Schedule.class);
        for (Schedule schedule : included) {
            assertThat(schedule.getMeta().getProfile()).extracting(p -> p.getValue()).containsExactly(SD + "GPConnect-Schedule-1");
            assertThat(schedule.getExtensionsByUrl(SD + "Extension-GPConnect-PractitionerRole-1")).hasSize(1);
            assertThat(schedule.getExtensionsByUrl(SD + "Extension-GPConnect-DeliveryChannel-1")).isEmpty();
            assertThat(schedule.getIdentifier()).hasSizeLessThanOrEqualTo(1);
            assertThat(schedule.getPlanningHorizon().hasStart()).isTrue();
            assertThat(schedule.hasSpecialty()).isFalse();
            assertThat(schedule.hasComment()).isFalse();
            assertThat(schedule.getActor()).extracting(Reference::getReference).anyMatch(r -> r.matches("Location/[^/]+"));
        }
        assertThat(included).anyMatch(s -> s.getServiceCategory().hasText());
    }

    @Test
    void includesPractitionersLocationsAndTheirOrganizationWhenAsked() {
        Bundle bundle = assertStatus(forDays(3)
                .param("_include:recurse", "Schedule:actor:Practitioner")
                .param("_include:recurse", "Schedule:actor:Location")
                .param("_include:recurse", "Location:managingOrganization").send(), 200).bundle();
        Set<String> included = references(bundle);
        for (Schedule schedule : resources(bundle, Schedule.class)) {
            assertThat(schedule.getActor()).extracting(Reference::getReference).allMatch(included::contains);
        }
        assertThat(resources(bundle, Practitioner.class)).isNotEmpty();
        for (Location location : resources(bundle, Location.class)) {
            assertThat(location.getManagingOrganization().getReference()).isIn(included);
        }
        assertThat(resources(bundle, Organization.class)).hasSize(1);
    }

    @Test
    void returnsTheOrganizationEvenWithoutItsIncludeButActorsOnlyWhenAsked() {
        Bundle practitionersOnly = assertStatus(forDays(3).param("_include:recurse", "Schedule:actor:Practitioner").send(), 200).bundle();
        assertThat(resources(practitionersOnly, Practitioner.class)).isNotEmpty();
        assertThat(resources(practitionersOnly, Location.class)).isEmpty();
        assertThat(resources(practitionersOnly, Organization.class)).hasSize(1);

        Bundle locationsOnly = assertStatus(forDays(3).param("_include:recurse", "Schedule:actor:Location").send(), 200).bundle();
        assertThat(resources(locationsOnly, Location.class)).isNotEmpty();
        assertThat(resources(locationsOnly, Practitioner.class)).isEmpty();
    }

    @Test
    void linksTheSearchsetBundleToItsOwnSearch() {
        Bundle bundle = assertStatus(forDays(1).send(), 200).bundle();
        assertThat(bundle.getLink("self").getUrl()).startsWith(SharedEngine.client().root() + "/Slot?");
        assertThat(bundle.getMeta().getProfile()).extracting(p -> p.getValue())
                .containsExactly(SD + "GPConnect-Searchset-Bundle-1");
        assertThat(bundle.getTotal()).isEqualTo(resources(bundle, Slot.class).size());
    }

    @Test
    void answersAnEmptyBundleWhenNoSlotMatches() {
        LocalDate tomorrow = OpenSlots.today().plusDays(1);
        Bundle bundle = assertStatus(required("ge" + ukDateTime(tomorrow), "le" + ukDateTime(tomorrow)).send(), 200).bundle();
        assertThat(bundle.getEntry()).isEmpty();
    }

    /**
     * Spec §5.6: the slots a search shows depend on the booking organisation's ODS code and type. Expected from the
     * demo practice's schedule restrictions; the suite also needs at least one slot, and the Organization, for each
     * filter it sends (ODS codes A20047, B81016, M85015, RNR01; types urgent-care, gp-practice, oncology).
     */
    @ParameterizedTest(name = "ODS {0}, type {1}")
    @CsvSource({",", "A20047,", "B81016,", "M85015,", "RNR01,", ",urgent-care", ",gp-practice", ",oncology",
            "A20047,urgent-care", "B81016,urgent-care", "A20047,gp-practice", "B81016,gp-practice", "RNR01,oncology"})
    void showsTheSchedulesTheOrganisationFiltersAllow(String ods, String type) {
        LocalDate today = OpenSlots.today();
        Call call = required("ge" + today, "le" + today.plusDays(14));
        if (ods != null) {
            call.param("searchFilter", ODS + "|" + ods);
        }
        if (type != null) {
            call.param("searchFilter", ORG_TYPE + "|" + type);
        }
        Bundle bundle = assertStatus(call.send(), 200).bundle();
        assertThat(resources(bundle, Slot.class)).isNotEmpty();
        assertThat(resources(bundle, Organization.class)).hasSize(1);
        Set<String> shown = resources(bundle, Slot.class).stream().map(s -> s.getSchedule().getReference()).collect(Collectors.toSet());
        assertThat(shown).isEqualTo(visibleSchedules(ods, type));
    }

    @ParameterizedTest(name = "Content-Type {0}, Accept {1}")
    @CsvSource({"application/fhir+xml,application/fhir+xml,true", "application/fhir+json,application/fhir+json,false",
            "application/fhir+xml,application/fhir+json,false", "application/fhir+json,application/fhir+xml,true"})
    void answersInTheFormatAskedFor(String contentType, String accept, boolean xml) {
        Reply reply = forDays(3).header("Content-Type", contentType).accept(accept).send();
        assertStatus(reply, 200);
        assertThat(reply.isXml()).isEqualTo(xml);
        assertThat(resources(reply.bundle(), Schedule.class)).isNotEmpty();
    }

    private static Set<String> visibleSchedules(String ods, String type) {
        PracticeData practice = SharedEngine.get().demoPractice();
        return practice.schedules().stream()
                .filter(PracticeData.Schedule::gpConnectBookable)
                .filter(s -> s.bookableOrgTypes().isEmpty() || (type != null && s.bookableOrgTypes().contains(type)))
                .filter(s -> s.bookableOdsCodes().isEmpty() || (ods != null && s.bookableOdsCodes().contains(ods)))
                .map(s -> "Schedule/" + s.id()).collect(Collectors.toSet());
    }

    private static String form(String form, LocalDate day) {
        ZonedDateTime t = day.atTime(10, 0).atZone(UK);
        return switch (form) {
            case "date" -> day.toString();
            case "dateTime" -> t.format(WITH_OFFSET);
            case "noOffset" -> t.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss"));
            case "zulu" -> t.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")) + "Z";
            case "year" -> String.valueOf(day.getYear());
            case "month" -> day.toString().substring(0, 7);
            default -> throw new IllegalArgumentException(form);
        };
    }

    /** "ge+0" is ge and the day itself, "le+3" le and three days later; anything else is sent as it is. */
    private static String relative(String value, LocalDate day) {
        if (value.matches("(ge|le)\\+\\d+")) {
            return value.substring(0, 2) + day.plusDays(Integer.parseInt(value.substring(3)));
        }
        return value;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static Set<String> slotIds(Reply reply) {
        return resources(assertStatus(reply, 200).bundle(), Slot.class).stream()
                .map(s -> s.getIdElement().getIdPart()).collect(Collectors.toSet());
    }

    static <T extends Resource> List<T> resources(Bundle bundle, Class<T> type) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(type::isInstance).map(type::cast).toList();
    }

    private static Set<String> references(Bundle bundle) {
        Function<Resource, String> ref = r -> r.fhirType() + "/" + r.getIdElement().getIdPart();
        return bundle.getEntry().stream().map(e -> ref.apply(e.getResource())).collect(Collectors.toSet());
    }
}
