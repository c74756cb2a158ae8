package io.gpconnect.bench.phase;

import io.gpconnect.bench.fhir.FreeSlot;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each slot is handed out once; unsent ones come back; an ask that finds the pool spent is counted, so the report can say so. */
class SlotPoolTest {

    @Test
    void handsEachSlotOutOnceAndCountsAsksThatFindItSpent() {
        SlotPool pool = SlotPool.of(slots(3));

        FreeSlot first = pool.take();
        List<FreeSlot> rest = pool.take(5);

        assertThat(rest).hasSize(2).doesNotContain(first);
        assertThat(pool.spentAsks()).isZero();
        assertThat(pool.take()).isNull();
        assertThat(pool.take(2)).isEmpty();
        assertThat(pool.spentAsks()).isEqualTo(2);
        assertThat(pool.found()).isEqualTo(3);
    }

    @Test
    void slotsGivenBackAreHandedOutAgain() {
        SlotPool pool = SlotPool.of(slots(4));
        List<FreeSlot> taken = pool.take(4);

        pool.giveBack(taken.subList(2, 4));

        assertThat(pool.remaining()).isEqualTo(2);
        assertThat(pool.take(3)).containsExactlyElementsOf(taken.subList(2, 4));
        assertThat(pool.spentAsks()).isZero();
    }

    private static List<FreeSlot> slots(int n) {
        List<FreeSlot> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new FreeSlot("A20047", "slot-" + i, "2030-01-01T09:0" + i + ":00+00:00", "2030-01-01T09:1" + i + ":00+00:00", "sched", "loc", "pract"));
        }
        return out;
    }
}
