package io.gpconnect.launcher.conformance;

import io.gpconnect.launcher.GpConnectClient;
import io.gpconnect.launcher.SharedEngine;

import java.time.Duration;
import java.time.LocalDate;

/**
 * The shared engine once its free-slot view has caught up with the seed. Engine start waits for the directory
 * only, so a slot search straight after it can find nothing; the suite would then fail for a reason that is
 * not conformance.
 */
final class ReadyEngine {
    private static volatile boolean ready;

    private ReadyEngine() {
    }

    static GpConnectClient client() {
        GpConnectClient client = SharedEngine.client();
        if (!ready) {
            awaitSlots(client);
        }
        return client;
    }

    private static synchronized void awaitSlots(GpConnectClient client) {
        if (ready) {
            return;
        }
        LocalDate today = OpenSlots.today();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            // The seed's last days arrive last; the suite books up to day 12.
            if (OpenSlots.search(today.plusDays(12), today.plusDays(13)).sendTo(client).body.contains("\"resourceType\":\"Slot\"")) {
                ready = true;
                return;
            }
            sleep();
        }
        throw new AssertionError("The shared engine's slot view did not fill within 60 s");
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
