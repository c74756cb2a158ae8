package io.gpconnect.fhir.appointment;

import static io.gpconnect.fhir.error.GpConnectAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import io.gpconnect.fhir.error.SpineCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Spec §2.9: W/"n" names a version; what cannot name one of ours is a 409 mismatch, never ignored. */
class IfMatchTest {

    @ParameterizedTest
    @ValueSource(strings = {"W/\"7\"", "\"7\"", "7", " W/\"7\" "})
    void readsTheVersionOfAWeakOrStrongTag(String header) {
        assertThat(IfMatch.expectedVersion(header, 7)).contains(7L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"W/\"invalidEtag\"", "invalidEtag", "W/\"\"", "\"\"", "W/7", "W/\"1\", W/\"2\"", "W/\"99999999999999999999\""})
    void answersAConflictForATagThatCannotBeOurs(String header) {
        assertFails(() -> IfMatch.expectedVersion(header, 7), 409, SpineCode.FHIR_CONSTRAINT_VIOLATION);
    }

    @Test
    void isNoPreconditionWhenAbsentBlankOrAny() {
        assertThat(IfMatch.expectedVersion(null, 7)).isEmpty();
        assertThat(IfMatch.expectedVersion(" ", 7)).isEmpty();
        assertThat(IfMatch.expectedVersion("*", 7)).isEmpty();
    }
}
