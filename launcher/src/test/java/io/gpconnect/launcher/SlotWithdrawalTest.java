package io.gpconnect.launcher;

import io.gpconnect.launcher.seed.PracticeFeedPublisher;
import io.gpconnect.launcher.seed.PracticeFeedRecords;
import io.gpconnect.schemas.event.AppointmentEvent;
import io.gpconnect.schemas.event.CommandRejected;
import io.gpconnect.schemas.event.RejectionReason;
import io.gpconnect.schemas.feed.SlotWithdrawn;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A slot the practice system withdraws (SlotWithdrawn on gpc.practice.feed) leaves the free-slot search, and a
 * booking of it is refused as not found: the processor drops it from the slot book, and the view drops it
 * from the free slots.
 */
class SlotWithdrawalTest {

    @Test
    void aWithdrawnSlotIsNoLongerOfferedAndCannotBeBooked() throws Exception {
        Engine engine = SharedEngine.get();
        GpConnectClient client = SharedEngine.client();
        List<FreeSlots.Found> free = FreeSlots.search(client, 12, 1);
        assertThat(free).isNotEmpty();
        FreeSlots.Found slot = free.get(free.size() - 1);

        try (PracticeFeedPublisher feed = new PracticeFeedPublisher(engine.settings())) {
            feed.publish("A20047", List.of(PracticeFeedRecords.of(new SlotWithdrawn(slot.id(), slot.scheduleId()), Instant.now())));
        }

        boolean offered = FreeSlots.stillOffered(client, 12, 1, slot.id(), Duration.ofSeconds(10));
        assertThat(offered).as("Slot/%s still offered after its withdrawal", slot.id()).isFalse();

        String commandId = "withdrawn-" + UUID.randomUUID();
        BookCommands.send(engine, BookCommands.serialised(engine, BookCommands.book(commandId, UUID.randomUUID().toString(), slot)), 1);
        Optional<AppointmentEvent> answer = EventLog.answersTo(engine.settings(), commandId, 1, Duration.ofSeconds(30)).stream().findFirst();
        assertThat(answer).hasValueSatisfying(e -> assertThat(e.getEvent()).isInstanceOfSatisfying(CommandRejected.class,
                r -> assertThat(r.getReason()).isEqualTo(RejectionReason.SLOT_NOT_FOUND)));
    }
}
