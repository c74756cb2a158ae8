package io.gpconnect.fhir.patient;

import io.gpconnect.fhir.error.GpConnectException;
import io.gpconnect.fhir.error.SpineCode;
import io.gpconnect.fhir.support.UkTime;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The date range of Retrieve a patient's appointments (spec §2.5): exactly one {@code start=ge} and one
 * {@code start=le}, whole dates, none in the past (today counts as the future), in order.
 */
public record AppointmentRange(LocalDate from, LocalDate to) {

    public static AppointmentRange parse(Map<String, String[]> params, LocalDate today) {
        String[] starts = params.get("start");
        if (starts == null || starts.length != 2) {
            throw invalid("Exactly two start parameters are required: start=ge[date] and start=le[date]");
        }
        LocalDate ge = null;
        LocalDate le = null;
        for (String s : starts) {
            String prefix = s.length() >= 2 ? s.substring(0, 2) : "";
            LocalDate date = date(s.length() >= 2 ? s.substring(2) : s, s);
            if (prefix.equals("ge") && ge == null) {
                ge = date;
            } else if (prefix.equals("le") && le == null) {
                le = date;
            } else {
                throw invalid("start must be sent once with the prefix ge and once with le, not '" + s + "'");
            }
        }
        if (ge.isBefore(today) || le.isBefore(today)) {
            throw invalid("Past appointments cannot be requested: the search range must start today or later");
        }
        if (le.isBefore(ge)) {
            throw invalid("The end of the search range is before its start");
        }
        return new AppointmentRange(ge, le);
    }

    public Instant fromInstant() {
        return from.atStartOfDay(UkTime.ZONE).toInstant();
    }

    public Instant toInstantExclusive() {
        return to.plusDays(1).atStartOfDay(UkTime.ZONE).toInstant();
    }

    private static LocalDate date(String value, String raw) {
        if (!value.matches("\\d{4}-\\d{2}-\\d{2}")) {
            if (raw.matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw invalid("start '" + raw + "' needs a ge or le prefix; past appointments cannot be requested");
            }
            throw invalid("start '" + raw + "' must be a whole date yyyy-mm-dd with a ge or le prefix");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid("start '" + raw + "' is not a valid date");
        }
    }

    private static GpConnectException invalid(String diagnostics) {
        return new GpConnectException(SpineCode.INVALID_PARAMETER, diagnostics);
    }
}
