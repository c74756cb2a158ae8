package io.gpconnect.launcher.bench;

import io.gpconnect.bench.scale.SyntheticScale;
import io.gpconnect.launcher.Engine;
import io.gpconnect.launcher.config.InvalidSettingException;
import io.gpconnect.launcher.seed.DemoPractice;
import io.gpconnect.launcher.seed.SyntheticPractices;
import picocli.CommandLine.Option;

/** The options of `serve` that shape it for ./gpconnect bench: synthetic practices and the processing guarantee. */
public final class WorkloadOptions {
    @Option(names = "--synthetic-practices", defaultValue = "0",
            description = "Synthetic practices (ODS codes Y00000…) to seed through gpc.practice.feed and serve besides the demo one (default ${DEFAULT-VALUE})")
    int practices;

    @Option(names = "--synthetic-practitioners", defaultValue = "2", description = "Practitioners of each synthetic practice (default ${DEFAULT-VALUE})")
    int practitioners;

    @Option(names = "--synthetic-slots-per-day", defaultValue = "16",
            description = "Ten-minute slots per practitioner per day, 14 days ahead (default ${DEFAULT-VALUE})")
    int slotsPerDay;

    @Option(names = "--processing-guarantee", defaultValue = "exactly_once_v2",
            description = "The slot projection's guarantee; at_least_once only to measure what exactly-once costs (default ${DEFAULT-VALUE})")
    String processingGuarantee;

    public static String[] args(SyntheticScale scale, String guarantee) {
        return new String[] {"--synthetic-practices", String.valueOf(scale.practices()),
                "--synthetic-practitioners", String.valueOf(scale.practitioners()),
                "--synthetic-slots-per-day", String.valueOf(scale.slotsPerDay()),
                "--processing-guarantee", guarantee};
    }

    /** @throws InvalidSettingException for a guarantee or a synthetic scale that cannot be */
    public Engine.Workload workload() {
        if (!processingGuarantee.equals("exactly_once_v2") && !processingGuarantee.equals("at_least_once")) {
            throw new InvalidSettingException("--processing-guarantee is exactly_once_v2 or at_least_once, not " + processingGuarantee);
        }
        SyntheticScale scale;
        try {
            scale = new SyntheticScale(practices, practitioners, slotsPerDay, practices == 0 ? 0 : 14);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException("--synthetic-*: " + e.getMessage());
        }
        return new Engine.Workload(processingGuarantee, SyntheticPractices.of(scale, DemoPractice.load()));
    }
}
