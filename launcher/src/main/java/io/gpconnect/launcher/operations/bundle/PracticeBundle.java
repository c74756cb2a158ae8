package io.gpconnect.launcher.operations.bundle;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import io.gpconnect.launcher.config.InvalidSettingException;
import io.gpconnect.launcher.config.SettingChecks;
import io.gpconnect.launcher.seed.PracticeFeedRecords;
import io.gpconnect.schemas.feed.OrganisationPublished;
import io.gpconnect.schemas.feed.PracticeFeedRecord;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.Location;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Practitioner;
import org.hl7.fhir.dstu3.model.Resource;
import org.hl7.fhir.dstu3.model.Schedule;
import org.hl7.fhir.dstu3.model.Slot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One practice's schedules and slots (and the directory entries they name) read from a FHIR STU3 Bundle, as
 * the feed changes that publish them. The bundle is checked whole before anything is published: half an
 * import would offer slots whose schedule never arrives.
 */
public final class PracticeBundle {
    private static final List<String> IMPORTED = List.of("Organization", "Location", "Practitioner", "Schedule", "Slot");

    private final String ods;
    private final List<Object> changes;
    private final Map<String, Integer> counts;

    private PracticeBundle(String ods, List<Object> changes, Map<String, Integer> counts) {
        this.ods = ods;
        this.changes = List.copyOf(changes);
        this.counts = counts;
    }

    /** @param ods the practice the bundle is for; null to take it from the bundle's one Organization */
    public static PracticeBundle read(Path file, String ods) {
        String content;
        try {
            content = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        return parse(content, ods);
    }

    public static PracticeBundle parse(String content, String ods) {
        Bundle bundle;
        try {
            bundle = parser(content).parseResource(Bundle.class, content);
        } catch (DataFormatException e) {
            throw new InvalidBundleException(List.of("not a FHIR STU3 Bundle: " + e.getMessage()));
        }
        return from(bundle, ods);
    }

    static PracticeBundle from(Bundle bundle, String odsGiven) {
        List<String> problems = new ArrayList<>();
        List<Resource> resources = resources(bundle, problems);
        FeedChanges feed = new FeedChanges(problems::add);

        List<OrganisationPublished> organisations = new ArrayList<>();
        for (Resource r : resources) {
            if (r instanceof Organization o) {
                organisations.add(feed.organisation(o, where(r)));
            }
        }
        organisations.removeIf(Objects::isNull);
        String ods = practiceOds(odsGiven, organisations, problems);
        String practiceOrganisationId = organisations.stream().filter(o -> o.getOdsCode().equals(ods))
                .map(OrganisationPublished::getId).findFirst().orElse(null);

        List<Object> changes = new ArrayList<>(organisations);
        Set<String> schedules = new HashSet<>();
        for (Resource r : resources) {
            Object change = null;
            if (r instanceof Location l) {
                change = feed.location(l, practiceOrganisationId, where(r));
            } else if (r instanceof Practitioner p) {
                change = feed.practitioner(p, practiceOrganisationId != null ? practiceOrganisationId : String.valueOf(ods), where(r));
            } else if (r instanceof Schedule s) {
                change = feed.schedule(s, where(r));
            }
            if (r instanceof Schedule) {
                schedules.add(FeedChanges.id(r));
            }
            if (change != null) {
                changes.add(change);
            }
        }
        // Slots last: the views offer a slot only once its schedule has arrived, and the feed keeps this order.
        for (Resource r : resources) {
            if (r instanceof Slot s) {
                var slot = feed.slot(s, where(r));
                if (slot != null && !schedules.contains(slot.getScheduleId())) {
                    problems.add(where(r) + ": its Schedule/" + slot.getScheduleId() + " is not in the bundle");
                } else if (slot != null) {
                    changes.add(slot);
                }
            }
        }
        if (resources.stream().noneMatch(r -> r instanceof Schedule || r instanceof Slot)) {
            problems.add("the bundle has no Schedule or Slot to import");
        }
        if (!problems.isEmpty()) {
            throw new InvalidBundleException(problems);
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        IMPORTED.forEach(type -> counts.put(type, (int) resources.stream().filter(r -> r.fhirType().equals(type)).count()));
        return new PracticeBundle(ods, changes, counts);
    }

    private static List<Resource> resources(Bundle bundle, List<String> problems) {
        List<Resource> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            Resource r = bundle.getEntry().get(i).getResource();
            if (r == null) {
                problems.add("entry " + i + ": no resource");
            } else if (!IMPORTED.contains(r.fhirType())) {
                problems.add("entry " + i + ": a " + r.fhirType() + " cannot be imported (only " + String.join(", ", IMPORTED) + ")");
            } else if (!r.getIdElement().hasIdPart()) {
                problems.add("entry " + i + ": the " + r.fhirType() + " has no id");
            } else if (!seen.add(r.fhirType() + "/" + r.getIdElement().getIdPart())) {
                problems.add("entry " + i + ": " + r.fhirType() + "/" + r.getIdElement().getIdPart() + " appears twice");
            } else {
                out.add(r);
            }
        }
        return out;
    }

    private static String practiceOds(String given, List<OrganisationPublished> organisations, List<String> problems) {
        String ods = given;
        if (ods == null) {
            if (organisations.size() != 1) {
                problems.add(organisations.isEmpty() ? "the bundle names no practice: add its Organization, or say which practice with --ods"
                        : "the bundle has several Organizations: say which practice it is for with --ods");
                return null;
            }
            ods = organisations.get(0).getOdsCode();
        }
        try {
            return SettingChecks.odsCodes("practice", List.of(ods)).get(0);
        } catch (InvalidSettingException e) {
            problems.add(e.getMessage());
            return null;
        }
    }

    private static String where(Resource r) {
        return r.fhirType() + "/" + r.getIdElement().getIdPart();
    }

    /** Strict: an element HAPI does not know is a mistake in the export, not something to drop silently. */
    private static IParser parser(String content) {
        FhirContext fhir = Fhir.CONTEXT;
        IParser parser = content.stripLeading().startsWith("<") ? fhir.newXmlParser() : fhir.newJsonParser();
        return parser.setParserErrorHandler(new StrictErrorHandler());
    }

    public String ods() {
        return ods;
    }

    /** How many resources of each imported type the bundle holds. */
    public Map<String, Integer> counts() {
        return counts;
    }

    /** The feed records, directory first, then schedules, then slots. */
    public List<PracticeFeedRecord> records(Instant now) {
        return changes.stream().map(c -> PracticeFeedRecords.of(c, now)).toList();
    }

    /** Building a FHIR context takes a second: once, and only when a bundle is read. */
    private static final class Fhir {
        static final FhirContext CONTEXT = FhirContext.forDstu3();
    }
}
