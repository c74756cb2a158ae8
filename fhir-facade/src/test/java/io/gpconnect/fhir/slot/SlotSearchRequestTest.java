package io.gpconnect.fhir.slot;

import io.gpconnect.fhir.error.SpineCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static io.gpconnect.fhir.error.GpConnectAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

/** The offsets a slot search's times must carry: UK local time on their date (spec §2.3). */
class SlotSearchRequestTest {

    /** The diagnostics name the offset as sent and the one expected; UTC used to read "Z", which nobody sent. */
    @ParameterizedTest
    @CsvSource({"2027-06-01T09:00:00+00:00, +00:00, +01:00", "2027-01-12T09:00:00+01:00, +01:00, +00:00"})
    void anOffsetThatIsNotUkLocalTimeIsNamedAsSent(String start, String sent, String uk) {
        Map<String, String[]> params = Map.of(
                "start", new String[]{"ge" + start},
                "end", new String[]{"le" + start.substring(0, 10)},
                "status", new String[]{"free"},
                "_include", new String[]{"Slot:schedule"});

        var failure = assertFails(() -> SlotSearchRequest.parse(params), 422, SpineCode.INVALID_PARAMETER);

        assertThat(failure.diagnostics()).isEqualTo("start offset " + sent + " is not UK local time on that date, which is " + uk);
    }
}
