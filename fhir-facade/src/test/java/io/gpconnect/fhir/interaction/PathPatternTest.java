package io.gpconnect.fhir.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PathPatternTest {

    private final PathPattern nested = new PathPattern("Patient/{id}/Appointment");

    @Test
    void the_id_segment_is_captured() {
        assertThat(nested.match("Patient/dd/Appointment")).hasValueSatisfying(m -> assertThat(m.id()).contains("dd"));
    }

    @Test
    void literal_segments_must_match_exactly() {
        assertThat(nested.match("Patient/1/appointment")).isEmpty();
        assertThat(nested.match("Patient/1/Appointment/")).isEmpty();
        assertThat(nested.match("Patient/1")).isEmpty();
        assertThat(nested.match("")).isEmpty();
    }

    @Test
    void a_template_without_id_captures_nothing() {
        assertThat(new PathPattern("Slot").match("Slot")).hasValueSatisfying(m -> assertThat(m.id()).isEmpty());
    }

    @Test
    void routing_words_are_never_ids() {
        PathPattern read = new PathPattern("Appointment/{id}");
        assertThat(read.match("Appointment/_search")).isEmpty();
        assertThat(read.match("Appointment/$validate")).isEmpty();
    }

    @Test
    void templates_are_relative() {
        assertThatThrownBy(() -> new PathPattern("/metadata")).isInstanceOf(IllegalArgumentException.class);
    }
}
