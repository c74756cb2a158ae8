package io.gpconnect.launcher;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One running engine for the test classes that only need "a service with the demo practice": starting one
 * takes seconds, so they share it. It stops when the test JVM does.
 */
public final class SharedEngine {
    private static Engine engine;

    private SharedEngine() {
    }

    public static synchronized Engine get() {
        if (engine == null) {
            try {
                Path dir = Files.createTempDirectory("gpconnect-shared-");
                engine = Engine.start(Engine.Options.defaults(dir).withPort(0));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(engine::close));
        }
        return engine;
    }

    public static GpConnectClient client() {
        return new GpConnectClient(get().serviceRoot());
    }
}
