package io.gpconnect.fhir.slot;

import io.gpconnect.fhir.error.GpConnectException;
import io.gpconnect.fhir.error.SpineCode;
import io.gpconnect.fhir.support.Profiles;
import io.gpconnect.fhir.support.UkTime;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The parameters of Search for free slots (spec §2.3), checked as the spec and the assurance suite expect:
 * missing mandatory parameters are 400 BAD_REQUEST, wrong values 422 INVALID_PARAMETER, unknown ones ignored.
 */
public record SlotSearchRequest(Instant from, Instant to, boolean includePractitioner, boolean includeLocation,
                                Optional<String> organisationOds, Optional<String> organisationType) {
    static final int MAX_DAYS = 14;
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{2}:\\d{2}");

    public static SlotSearchRequest parse(Map<String, String[]> params) {
        String start = single(params, "start");
        String end = single(params, "end");
        String status = single(params, "status");
        List<String> includes = all(params, "_include");
        if (!includes.contains("Slot:schedule")) {
            throw new GpConnectException(SpineCode.BAD_REQUEST, "_include=Slot:schedule is required");
        }
        if (!"free".equals(status)) {
            throw invalid("status must be 'free'");
        }
        Bound from = bound(start, "start", "ge");
        Bound to = bound(end, "end", "le");
        Instant fromInstant = from.dateOnly ? from.date.atStartOfDay(UkTime.ZONE).toInstant() : from.instant;
        Instant toInstant = to.dateOnly ? to.date.plusDays(1).atStartOfDay(UkTime.ZONE).toInstant() : to.instant;
        long days = to.date.toEpochDay() - from.date.toEpochDay();
        if (days < 0 || toInstant.isBefore(fromInstant)) {
            throw invalid("The end of the search range is before its start");
        }
        if (days > MAX_DAYS) {
            throw invalid("Slot search date range of " + days + " days exceeds the maximum of " + MAX_DAYS + " days");
        }
        List<String> recurse = all(params, "_include:recurse");
        Optional<String> ods = Optional.empty();
        Optional<String> type = Optional.empty();
        for (String filter : all(params, "searchFilter")) {
            int bar = filter.indexOf('|');
            if (bar < 0) {
                continue;
            }
            String system = filter.substring(0, bar);
            String code = filter.substring(bar + 1);
            if (Profiles.ODS_ORGANIZATION_CODE.equals(system) && !code.isBlank()) {
                ods = Optional.of(code);
            } else if (Profiles.CS_ORGANISATION_TYPE.equals(system) && !code.isBlank()) {
                type = Optional.of(code);
            }
        }
        return new SlotSearchRequest(fromInstant, toInstant,
                recurse.contains("Schedule:actor:Practitioner"), recurse.contains("Schedule:actor:Location"), ods, type);
    }

    private record Bound(LocalDate date, Instant instant, boolean dateOnly) {
    }

    private static Bound bound(String raw, String name, String prefix) {
        if (raw.length() < 2 || !raw.startsWith(prefix)) {
            throw invalid(name + " must have the prefix '" + prefix + "'");
        }
        String value = raw.substring(2);
        try {
            if (DATE.matcher(value).matches()) {
                LocalDate d = LocalDate.parse(value);
                return new Bound(d, d.atStartOfDay(UkTime.ZONE).toInstant(), true);
            }
            if (DATE_TIME.matcher(value).matches()) {
                OffsetDateTime t = OffsetDateTime.parse(value);
                ZoneOffset uk = UkTime.ZONE.getRules().getOffset(t.toInstant());
                if (!uk.equals(t.getOffset())) {
                    throw invalid(name + " offset " + offset(t.getOffset()) + " is not UK local time on that date, which is " + offset(uk));
                }
                return new Bound(t.atZoneSameInstant(UkTime.ZONE).toLocalDate(), t.toInstant(), false);
            }
        } catch (DateTimeParseException e) {
            throw invalid(name + " '" + value + "' is not a valid date");
        }
        throw invalid(name + " '" + value + "' must be yyyy-mm-dd or yyyy-mm-ddThh:mm:ss+hh:mm");
    }

    private static String single(Map<String, String[]> params, String name) {
        String[] values = params.get(name);
        if (values == null || values.length == 0) {
            throw new GpConnectException(SpineCode.BAD_REQUEST, "The " + name + " parameter is required");
        }
        if (values.length > 1) {
            throw new GpConnectException(SpineCode.BAD_REQUEST, "The " + name + " parameter must be sent once");
        }
        if (values[0] == null || values[0].isBlank()) {
            throw invalid("The " + name + " parameter is empty");
        }
        return values[0];
    }

    private static List<String> all(Map<String, String[]> params, String name) {
        String[] values = params.get(name);
        return values == null ? List.of() : Arrays.asList(values);
    }

    private static GpConnectException invalid(String diagnostics) {
        return new GpConnectException(SpineCode.INVALID_PARAMETER, diagnostics);
    }

    /** As written in a request: ZoneOffset prints UTC as "Z", which reads as if the consumer had sent that. */
    private static String offset(ZoneOffset offset) {
        return offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId();
    }
}
