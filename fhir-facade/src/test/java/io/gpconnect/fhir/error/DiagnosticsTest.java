package io.gpconnect.fhir.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Parser failures reach the consumer as what was wrong and where, never as Java class names. */
class DiagnosticsTest {

    @Test
    void keepsTheProblemAndItsPlaceButNotTheExceptionClass() {
        String hapi = "The Appointment is not valid: HAPI-1851: DataFormatException at [Line number = 1\nColumn number = 843\n"
                + "System Id = null\nPublic Id = null\nLocation Uri= null\nCharacterOffset = 843\n]: HAPI-1824: Unknown attribute 'x'";
        String clean = Diagnostics.clean(hapi);
        assertThat(clean).doesNotContain("Exception").doesNotContain("System Id")
                .contains("line 1, column 843").contains("Unknown attribute 'x'").contains("HAPI-1824");
    }

    @Test
    void dropsPackageNamesAndExceptionWords() {
        String clean = Diagnostics.clean("java.nio.charset.UnsupportedCharsetException: ebcdic; com.ctc.wstx.exc.WstxParsingError");
        assertThat(clean).doesNotContain("java.").doesNotContain("com.ctc").doesNotContain("Exception").doesNotContain("Error")
                .contains("ebcdic");
    }

    @Test
    void leavesOrdinaryDiagnosticsAlone() {
        String text = "Slot search date range of 15 days exceeds the maximum of 14 days; see https://fhir.nhs.uk/Id/nhs-number";
        assertThat(Diagnostics.clean(text)).isEqualTo(text);
    }

    @Test
    void boundsWhatItEchoes() {
        assertThat(Diagnostics.clean("x".repeat(10_000))).hasSizeLessThan(2_100);
    }

    @Test
    void theOutcomeCarriesTheCleanText() {
        assertThat(OperationOutcomes.of(SpineCode.BAD_REQUEST, "org.example.BoomException at [Line number = 2\nColumn number = 3]")
                .getIssueFirstRep().getDiagnostics()).isEqualTo("parse error at line 2, column 3");
    }
}
