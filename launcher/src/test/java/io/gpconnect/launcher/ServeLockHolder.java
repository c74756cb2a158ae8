package io.gpconnect.launcher;

import java.nio.file.Path;

/**
 * Holds a data directory's serve lock from a JVM of its own, as a running serve does, until its standard input
 * closes: says "held" once it has the lock.
 */
public final class ServeLockHolder {
    private ServeLockHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (var lock = ServeLock.acquire("--data-dir", Path.of(args[0]))) {
            System.out.println("held");
            System.out.flush();
            while (System.in.read() >= 0) {
                // until the test closes our input
            }
        }
    }
}
