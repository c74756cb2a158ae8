package io.gpconnect.bench.phase;

import io.gpconnect.bench.fhir.FreeSlot;
import io.gpconnect.bench.fhir.SlotBundles;
import io.gpconnect.bench.http.Consumer;
import io.gpconnect.bench.http.HttpConnection;
import io.gpconnect.bench.http.HttpResponse;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The free slots bookings draw from, found the way a consumer finds them (a 14-day slot search per practice)
 * before any load starts. Each slot is handed out once, and the order is shuffled so consecutive bookings hit
 * different practices, hence different partitions, as national traffic would.
 */
public final class SlotPool {
    private static final ZoneId UK = ZoneId.of("Europe/London");
    /** Searches a second apart that must all find nothing before a practice counts as having no free slot. */
    private static final int EMPTY_ROUNDS = 10;
    /** A slot starting sooner could pass into the past while the bench runs and be refused for that. */
    private static final Duration LEAD_TIME = Duration.ofMinutes(30);

    private final ConcurrentLinkedQueue<FreeSlot> free;
    private final int found;
    /** Asks that found the pool spent: a run that made any measured fewer bookings than it had time for. */
    private final AtomicLong spentAsks = new AtomicLong();

    /** Slots already found (discover finds them on an engine). */
    static SlotPool of(List<FreeSlot> slots) {
        return new SlotPool(slots);
    }

    private SlotPool(List<FreeSlot> slots) {
        this.free = new ConcurrentLinkedQueue<>(slots);
        this.found = slots.size();
    }

    /**
     * Searches every practice, in rounds: a practice whose slot count is short of {@code expectedPerPractice}
     * (still being seeded, or already partly booked) is searched again next round, and counts as found once
     * its count stops changing.
     */
    public static SlotPool discover(Consumer consumer, List<String> practices, long expectedPerPractice, Duration patience)
            throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        int threads = Math.max(1, Math.min(4, practices.size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            Map<String, Integer> lastCount = new ConcurrentHashMap<>();
            Map<String, Integer> emptyRounds = new ConcurrentHashMap<>();
            List<FreeSlot> all = new ArrayList<>();
            List<String> pending = practices;
            while (!pending.isEmpty()) {
                List<Future<Searched>> searches = new ArrayList<>();
                for (List<String> share : shares(pending, threads)) {
                    searches.add(pool.submit(() -> search(consumer, share)));
                }
                List<String> again = new ArrayList<>();
                for (Future<Searched> f : searches) {
                    f.get().slots().forEach((ods, slots) -> {
                        Integer previous = lastCount.put(ods, slots.size());
                        // A practice with no free slot at all (booked out by an earlier bench against the same engine)
                        // settles after EMPTY_ROUNDS searches, rather than being searched until the patience runs out.
                        int empty = slots.isEmpty() ? emptyRounds.merge(ods, 1, Integer::sum) : 0;
                        boolean settled = slots.size() >= expectedPerPractice || (previous != null && previous == slots.size() && previous > 0)
                                || empty >= EMPTY_ROUNDS;
                        if (settled || System.nanoTime() > deadline) {
                            all.addAll(bookable(slots));
                        } else {
                            again.add(ods);
                        }
                    });
                }
                pending = again;
                if (!pending.isEmpty()) {
                    Thread.sleep(1000);
                }
            }
            Collections.shuffle(all, new Random(42));
            return new SlotPool(all);
        } finally {
            pool.shutdownNow();
        }
    }

    private record Searched(Map<String, List<FreeSlot>> slots) {
    }

    private static Searched search(Consumer consumer, List<String> practices) throws IOException {
        Map<String, List<FreeSlot>> found = new HashMap<>();
        try (HttpConnection c = new HttpConnection(consumer.base())) {
            for (String ods : practices) {
                HttpResponse r = c.exchange(consumer.slotSearch(ods, LocalDate.now(UK), 14));
                if (r.status() != 200) {
                    throw new IOException("Slot search of " + ods + " answered " + r.status() + ": " + r.text());
                }
                found.put(ods, SlotBundles.freeSlots(ods, r.body(), OffsetDateTime.MIN));
            }
        }
        return new Searched(found);
    }

    private static List<FreeSlot> bookable(List<FreeSlot> slots) {
        OffsetDateTime notBefore = OffsetDateTime.now(UK).plus(LEAD_TIME);
        return slots.stream().filter(s -> OffsetDateTime.parse(s.start()).isAfter(notBefore)).toList();
    }

    private static List<List<String>> shares(List<String> practices, int n) {
        List<List<String>> shares = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            shares.add(new ArrayList<>());
        }
        for (int i = 0; i < practices.size(); i++) {
            shares.get(i % n).add(practices.get(i));
        }
        return shares;
    }

    /** A slot nobody has been given yet, or null when the pool is spent. */
    public FreeSlot take() {
        FreeSlot slot = free.poll();
        if (slot == null) {
            spentAsks.incrementAndGet();
        }
        return slot;
    }

    /** Up to {@code n} slots; fewer when the pool runs low, none (an ask that found it spent) when it has run out. */
    public List<FreeSlot> take(int n) {
        List<FreeSlot> out = new ArrayList<>(n);
        for (FreeSlot s; out.size() < n && (s = free.poll()) != null; ) {
            out.add(s);
        }
        if (out.isEmpty() && n > 0) {
            spentAsks.incrementAndGet();
        }
        return out;
    }

    /** Slots handed out but never booked (a run that ended first): still free on the engine, so others may have them. */
    public void giveBack(List<FreeSlot> unused) {
        free.addAll(unused);
    }

    /** How many asks found the pool spent, since it was found. */
    public long spentAsks() {
        return spentAsks.get();
    }

    public int remaining() {
        return free.size();
    }

    public int found() {
        return found;
    }
}
