package io.gpconnect.launcher.operations;

import io.gpconnect.launcher.config.OperationFailedException;
import io.gpconnect.launcher.config.SettingChecks;
import io.gpconnect.launcher.config.UsageErrors;
import io.gpconnect.launcher.operations.bundle.InvalidBundleException;
import io.gpconnect.launcher.operations.bundle.PracticeBundle;
import io.gpconnect.launcher.seed.FeedNotPublishedException;
import io.gpconnect.launcher.seed.PracticeFeedPublisher;
import io.gpconnect.schemas.feed.PracticeFeedRecord;
import io.gpconnect.topics.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code ./gpconnect import FILE}: a practice system's export, published onto the practice feed as the seed is. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Publish one practice's Schedules and Slots (and Practitioners, Locations, Organizations) from a FHIR STU3 "
                + "Bundle, JSON or XML, onto " + "gpc.practice.feed. The bundle is checked whole first: an invalid one publishes nothing.")
public final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The Bundle (.json or .xml)")
    Path file;

    @Option(names = "--ods", paramLabel = "ODS",
            description = "The practice the bundle is for; default: the ODS code of the bundle's one Organization (env GPCONNECT_ODS)")
    String ods;

    @Option(names = "--progress-every", defaultValue = "1000", description = "Report progress every this many records (default ${DEFAULT-VALUE})")
    int progressEvery;

    @Mixin
    EngineConnection engine;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        UsageErrors.checked(spec, () -> {
            SettingChecks.positive("--progress-every", progressEvery);
            if (!Files.isRegularFile(file)) {
                throw new io.gpconnect.launcher.config.InvalidSettingException("FILE " + file + " is not a readable file");
            }
            return ods == null ? null : SettingChecks.odsCodes("--ods", List.of(ods));
        });
        var settings = engine.settings(true);
        PracticeBundle bundle;
        try {
            bundle = PracticeBundle.read(file, ods);
        } catch (InvalidBundleException e) {
            err.println("import: " + file + " refused, nothing published: " + e.problems().size() + " problem(s)");
            e.problems().forEach(p -> err.println("  " + p));
            err.flush();
            return 1;
        }
        List<PracticeFeedRecord> records = bundle.records(Instant.now());
        out.println("Importing " + records.size() + " records for practice " + bundle.ods() + " onto " + Topics.PRACTICE_FEED.name()
                + " (" + counts(bundle) + ")");
        out.flush();
        int from = 0;
        try (PracticeFeedPublisher publisher = new PracticeFeedPublisher(settings, EngineConnection.KAFKA_PATIENCE)) {
            for (; from < records.size(); from += progressEvery) {
                int to = Math.min(records.size(), from + progressEvery);
                publisher.publish(bundle.ods(), records.subList(from, to)); // flushes: the count printed is on the broker
                if (to < records.size()) {
                    out.println("  " + to + "/" + records.size() + " published");
                    out.flush();
                }
            }
        } catch (FeedNotPublishedException e) {
            out.flush();
            throw new OperationFailedException((from + e.published()) + " of " + records.size() + " records published, then: "
                    + e.getMessage() + ". Records apply by id, so importing the file again once that is mended is safe.", e);
        }
        out.println("Imported " + records.size() + " records for practice " + bundle.ods());
        out.flush();
        return 0;
    }

    private static String counts(PracticeBundle bundle) {
        return bundle.counts().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
    }
}
