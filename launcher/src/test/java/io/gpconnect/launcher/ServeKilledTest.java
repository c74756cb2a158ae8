package io.gpconnect.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole of `serve` (the embedded broker, the processor, the views and the facade, one JVM) is SIGKILLed in
 * the middle of a booking load, as a host losing power would lose it, and started again on the same data
 * directory and port. Nothing any client was told may be lost or doubled: every 201 is one committed booking that
 * reads back after the restart and whose slot is no longer offered; no slot is held twice; and the engine books
 * and refuses as before. Clients cut off by the kill got no answer, which the audit allows either way. About one
 * run in four the kill catches a commit between its PrepareCommit and its markers, which Kafka's restarted one-node
 * coordinator used to leave hanging, the engine deciding nothing more; {@code HangingTransactions} undoes it at start.
 */
class ServeKilledTest {
    private static final Duration START_PATIENCE = Duration.ofMinutes(4);
    /**
     * A restarted serve re-reads its changelogs and its practice feed before it decides again: on a slow shared
     * machine that can outlast the default 10 s a client waits for a decision, and a 503 proves nothing either way.
     */
    private static final Duration DECISION_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void serveKilledMidLoadAndStartedAgainLosesAndDoublesNothing() throws Exception {
        int port = freePort();
        Path data = dir.resolve("data");
        Path log = dir.resolve("serve.log");
        ChildServe serve = startServe(data, port, log);
        try {
            GpConnectClient client = new GpConnectClient(serve.serviceRoot(), DECISION_TIMEOUT.plusSeconds(30));
            List<FreeSlots.Found> slots = FreeSlots.await(client, 200);
            Collections.shuffle(slots, new Random(5));
            List<FreeSlots.Found> targets = slots.subList(0, 100);
            // Each slot is asked for twice, by different patients, so races are in flight when the kill comes.
            BookingLoad load = BookingLoad.start(client, BookingLoad.contested(targets), 16, Duration.ZERO);
            load.awaitSent(load.size() / 3);
            serve.kill();
            List<BookingAttempt> answers = load.answers(Duration.ofMinutes(2));
            assertThat(answers).as("bookings answered before the kill").anyMatch(BookingAttempt::booked);
            assertThat(answers).as("requests cut off by the kill").anyMatch(BookingAttempt::undetermined);

            serve = startServe(data, port, log);
            BookingAudit.of(serve.settings(), answers).assertConsistent().assertReadable(client);
            Set<String> taken = answers.stream().filter(BookingAttempt::booked).flatMap(a -> a.slotIds().stream())
                    .collect(Collectors.toSet());
            Set<String> offered = FreeSlots.search(client, 1, 13).stream().map(FreeSlots.Found::id).collect(Collectors.toSet());
            assertThat(offered).as("slots offered as free after the restart").doesNotContainAnyElementsOf(taken);

            List<BookingAttempt> after = new ArrayList<>(answers);
            FreeSlots.Found bookedBefore = targets.stream().filter(s -> taken.contains(s.id())).findFirst().orElseThrow();
            BookingAttempt again = BookingLoad.send(client, new BookingLoad.Request(List.of(bookedBefore), "Patient/2"));
            assertThat(again.status()).as("a slot booked before the kill is still taken: " + again.body()).isEqualTo(409);
            after.add(again);
            FreeSlots.Found untouched = slots.get(150);
            BookingAttempt fresh = BookingLoad.send(client, new BookingLoad.Request(List.of(untouched), "Patient/2"));
            assertThat(fresh.status()).as("a slot nobody asked for books after the restart: " + fresh.body()).isEqualTo(201);
            after.add(fresh);
            BookingAudit.of(serve.settings(), after).assertConsistent().assertReadable(client);
        } finally {
            serve.close();
        }
    }

    private static ChildServe startServe(Path data, int port, Path log) throws Exception {
        return ChildServe.start(data, port, log, START_PATIENCE, "--decision-timeout-ms", String.valueOf(DECISION_TIMEOUT.toMillis()));
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
