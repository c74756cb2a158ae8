package io.gpconnect.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.gpconnect.launcher.seed.DemoPractice;
import io.gpconnect.launcher.seed.PracticeData;

/**
 * One running engine for the test classes that only need "a service with the demo practice": starting one
 * takes seconds, so they share it. It stops when the test JVM does.
 *
 * <p>It also serves {@link #TWIN_ODS}, the demo practice's directory (no schedules) under another ODS code,
 * for tests that must change seeded patients other test classes rely on, e.g. registering the inactive
 * patient21 that Find a patient must not return.
 */
public final class SharedEngine {
    public static final String TWIN_ODS = "TWIN01";
    private static Engine engine;

    private SharedEngine() {
    }

    public static synchronized Engine get() {
        if (engine == null) {
            try {
                Path dir = Files.createTempDirectory("gpconnect-shared-");
                engine = Engine.start(Engine.Options.defaults(dir).withPort(0),
                        new Engine.Workload(Engine.Workload.DEMO_ONLY.processingGuarantee(), List.of(twin(DemoPractice.load()))));
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

    /** The twin practice's service root. */
    public static GpConnectClient twinClient() {
        return new GpConnectClient(get().serviceRoot().replace("/" + get().demoPractice().servedOds() + "/", "/" + TWIN_ODS + "/"));
    }

    private static PracticeData twin(PracticeData demo) {
        List<PracticeData.Organisation> organisations = demo.organisations().stream()
                .map(o -> o.servedHere() ? new PracticeData.Organisation(o.id(), TWIN_ODS, o.name(), o.telecom(), o.address(), true) : o)
                .toList();
        return new PracticeData(demo.providerAsid(), organisations, demo.locations(), demo.practitioners(), demo.patients(), List.of());
    }
}
