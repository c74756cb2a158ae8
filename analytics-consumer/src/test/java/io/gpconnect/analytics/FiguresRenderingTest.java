package io.gpconnect.analytics;

import io.gpconnect.schemas.event.RejectionReason;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class FiguresRenderingTest {
    private static final DailyFigures BUSY_DAY = new DailyFigures("A20047", LocalDate.of(2025, 3, 3), 2, 1, 1,
            Map.of(RejectionReason.VERSION_MISMATCH, 1, RejectionReason.SLOT_NOT_FREE, 2),
            Optional.of(new LeadTime(Duration.ofHours(26), Duration.ofMinutes(90))), 40, 3);
    private static final DailyFigures QUIET_DAY = new DailyFigures("A20047", LocalDate.of(2025, 3, 4), 0, 0, 0,
            Map.of(), Optional.empty(), 0, 0);

    @Test
    void jsonHasOneObjectPerPracticeDayWithNullsWhereNothingWasMeasured() {
        String json = FiguresJson.render(List.of(BUSY_DAY, QUIET_DAY));

        assertThat(json).isEqualTo("{\"figures\":["
                + "{\"practiceOds\":\"A20047\",\"date\":\"2025-03-03\",\"booked\":2,\"amended\":1,\"cancelled\":1,\"rejected\":3,"
                + "\"rejectedByReason\":{\"SLOT_NOT_FREE\":2,\"VERSION_MISMATCH\":1},"
                + "\"leadTimeMeanMinutes\":1560.0,\"leadTimeMedianMinutes\":90.0,"
                + "\"slotsOffered\":40,\"slotsBooked\":3,\"utilisation\":0.0750},"
                + "{\"practiceOds\":\"A20047\",\"date\":\"2025-03-04\",\"booked\":0,\"amended\":0,\"cancelled\":0,\"rejected\":0,"
                + "\"rejectedByReason\":{},\"leadTimeMeanMinutes\":null,\"leadTimeMedianMinutes\":null,"
                + "\"slotsOffered\":0,\"slotsBooked\":0,\"utilisation\":null}]}");
    }

    @Test
    void jsonStringsAreEscaped() {
        assertThat(FiguresJson.string("a\"b\\c\nd\u0001")).isEqualTo("\"a\\\"b\\\\c\\nd\\u0001\"");
    }

    @Test
    void tableHasAHeaderAndOneLinePerPracticeDay() {
        String[] lines = FiguresTable.render(List.of(BUSY_DAY, QUIET_DAY)).split("\\R");

        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("PRACTICE").contains("LEAD MEAN", "UTIL", "REJECTIONS BY REASON");
        assertThat(lines[1]).contains("A20047", "2025-03-03", "1d 2h", "1h 30m", "8%", "SLOT_NOT_FREE=2, VERSION_MISMATCH=1");
        assertThat(lines[2]).contains("2025-03-04").doesNotContain("%");
    }

    @Test
    void anEmptyTableSaysSo() {
        assertThat(FiguresTable.render(List.of())).contains("no decisions or offered slots yet");
    }

    @Test
    void leadTimesReadInTheUnitsAPracticePlansIn() {
        assertThat(FiguresTable.duration(Duration.ofDays(3).plusHours(5).plusMinutes(59))).isEqualTo("3d 5h");
        assertThat(FiguresTable.duration(Duration.ofMinutes(125))).isEqualTo("2h 5m");
        assertThat(FiguresTable.duration(Duration.ofMinutes(42))).isEqualTo("42m");
    }
}
