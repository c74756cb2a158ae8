package io.gpconnect.launcher.ops;

import io.gpconnect.commands.CommandTiming;
import io.gpconnect.schemas.Requester;
import io.gpconnect.schemas.command.AppointmentCommand;
import io.gpconnect.schemas.command.RegisterPatient;
import io.gpconnect.schemas.event.AppointmentEvent;
import io.gpconnect.schemas.event.PatientRegistrationRejected;
import io.gpconnect.schemas.event.RegistrationRejectionReason;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A command's stages and outcome, counted under its own kind. */
class CommandOutcomesTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CommandOutcomes outcomes = new CommandOutcomes(registry);

    @Test
    void aRegistrationIsCountedAsOneWithItsStages() {
        AppointmentCommand command = registration();
        AppointmentEvent refused = AppointmentEvent.newBuilder().setEventId("c1/1").setCommandId("c1")
                .setOccurredAt(command.getIssuedAt()).setRequester(command.getRequester())
                .setEvent(new PatientRegistrationRejected("9000000009", RegistrationRejectionReason.PATIENT_ALREADY_REGISTERED, "known"))
                .build();

        outcomes.answered(command, refused, null,
                new CommandTiming(Duration.ofMillis(5), Duration.ofMillis(3), null, Duration.ofMillis(30)));

        assertThat(registry.get("gpconnect.commands.answered").tag("command", "register").tag("outcome", "rejected")
                .tag("reason", "PATIENT_ALREADY_REGISTERED").counter().count()).isEqualTo(1.0);
        assertThat(registry.find("gpconnect.commands.answered").tag("command", "cancel").counter()).isNull();
        assertThat(stage("register", "queued").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(3.0);
        assertThat(stage("register", "answered").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(30.0);
        assertThat(stage("register", "published").count()).as("a stage not seen is not recorded as zero").isZero();
        assertThat(stage("book", "answered").count()).isZero();
    }

    @Test
    void answersWithTheSameTagsCountOnOneCounterAndOthersOnTheirOwn() {
        AppointmentCommand command = registration();
        CommandTiming timing = new CommandTiming(Duration.ofMillis(5), null, null, Duration.ofMillis(10));
        outcomes.answered(command, refusal(command, RegistrationRejectionReason.PATIENT_ALREADY_REGISTERED), null, timing);
        outcomes.answered(command, refusal(command, RegistrationRejectionReason.PATIENT_ALREADY_REGISTERED), null, timing);
        outcomes.answered(command, null, new java.util.concurrent.TimeoutException(), timing);

        assertThat(registry.get("gpconnect.commands.answered").tag("reason", "PATIENT_ALREADY_REGISTERED").counter().count()).isEqualTo(2.0);
        assertThat(registry.get("gpconnect.commands.answered").tag("outcome", "timed_out").counter().count()).isEqualTo(1.0);
        assertThat(registry.get("gpconnect.commands.answered").counters()).hasSize(2);
    }

    private static AppointmentEvent refusal(AppointmentCommand command, RegistrationRejectionReason reason) {
        return AppointmentEvent.newBuilder().setEventId("c1/1").setCommandId("c1")
                .setOccurredAt(command.getIssuedAt()).setRequester(command.getRequester())
                .setEvent(new PatientRegistrationRejected("9000000009", reason, "known"))
                .build();
    }

    private io.micrometer.core.instrument.Timer stage(String command, String stage) {
        return registry.get("gpconnect.command.stage").tag("command", command).tag("stage", stage).timer();
    }

    private static AppointmentCommand registration() {
        return AppointmentCommand.newBuilder()
                .setCommandId("c1")
                .setIssuedAt(Instant.parse("2026-12-05T10:00:00Z"))
                .setRequester(Requester.newBuilder().setOrganisationOds("B82617").setFromAsid("200000000359").build())
                .setCommand(RegisterPatient.newBuilder().setPatientId("p1").setNhsNumber("9000000009").setFamily("Smith")
                        .setBirthDate("1980-01-01").build())
                .build();
    }
}
