package io.gpconnect.fhir.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.gpconnect.fhir.metadata.CapabilityStatementProvider;
import io.gpconnect.fhir.security.FhirContexts;
import java.time.Instant;
import java.util.TimeZone;
import org.hl7.fhir.dstu3.model.CapabilityStatement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Spec §8: times in UK local time with +00:00 or +01:00, whatever zone the JVM runs in. Run here in New York,
 * where rendering in the JVM's zone would show -05:00 or -04:00.
 */
class UkTimeRenderingTest {
    private TimeZone jvmZone;

    @BeforeEach
    void elsewhere() {
        jvmZone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
    }

    @AfterEach
    void back() {
        TimeZone.setDefault(jvmZone);
    }

    @Test
    void rendersInstantsAndDateTimesWithTheUkOffsetOfTheirDate() {
        assertThat(UkTime.instant(Instant.parse("2030-07-01T08:00:00Z")).getValueAsString()).isEqualTo("2030-07-01T09:00:00+01:00");
        assertThat(UkTime.dateTime(Instant.parse("2030-01-15T08:00:00Z")).getValueAsString()).isEqualTo("2030-01-15T08:00:00+00:00");
    }

    @Test
    void rendersTheCapabilityStatementDatesInUkTime() {
        String json = FhirContexts.DSTU3.newJsonParser().encodeResourceToString(
                new CapabilityStatementProvider("1.0").getServerConformance());
        CapabilityStatement statement = FhirContexts.DSTU3.newJsonParser().parseResource(CapabilityStatement.class, json);
        assertThat(statement.getDateElement().getValueAsString()).matches(".*\\+0[01]:00");
        assertThat(statement.getSoftware().getReleaseDateElement().getValueAsString()).matches(".*\\+0[01]:00");
    }
}
