package io.gpconnect.fhir.support;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import org.hl7.fhir.dstu3.model.DateTimeType;
import org.hl7.fhir.dstu3.model.InstantType;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.TimeZone;

/** GP Connect renders every time in UK local time with an explicit +00:00/+01:00 offset, never Z (spec §8). */
public final class UkTime {
    public static final ZoneId ZONE = ZoneId.of("Europe/London");
    private static final TimeZone TZ = TimeZone.getTimeZone(ZONE);

    private UkTime() {
    }

    public static InstantType instant(Instant i) {
        return new InstantType(Date.from(i), TemporalPrecisionEnum.SECOND, TZ);
    }

    public static DateTimeType dateTime(Instant i) {
        return new DateTimeType(Date.from(i), TemporalPrecisionEnum.SECOND, TZ);
    }
}
