package io.gpconnect.registry.embedded;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.AvroTypeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The only rules this registry enforces: a schema must parse as Avro (with its references), and a new version
 * must be BACKWARD compatible with the artifact's latest version, i.e. a consumer on the new schema can still
 * read every record written with the previous one. That is what lets a rolled-forward Streams app replay its
 * topics and changelogs.
 */
final class AvroCompatibility {

    /** Deep reference chains are legitimate; a cycle is not, and must not hang a request thread. */
    private static final int MAX_REFERENCE_DEPTH = 32;

    private final Function<SchemaReference, StoredVersion> references;

    /** {@code references} returns the version a reference points at, or null when there is none. */
    AvroCompatibility(Function<SchemaReference, StoredVersion> references) {
        this.references = references;
    }

    /**
     * Parses the way the Apicurio Avro serdes do ({@code AvroSchemaUtils.parse}): on its own first, and only if
     * that fails for an unknown named type, after the referenced types, dependencies first.
     */
    Schema parse(String artifact, String content, List<SchemaReference> refs) {
        try {
            return new Schema.Parser().parse(content);
        } catch (AvroTypeException unresolved) {
            if (refs.isEmpty()) {
                throw invalid(artifact, unresolved);
            }
        } catch (AvroRuntimeException e) {
            throw invalid(artifact, e);
        }
        try {
            Schema.Parser parser = new Schema.Parser();
            addReferences(artifact, parser, refs, 0);
            return parser.parse(content);
        } catch (AvroRuntimeException e) {
            throw invalid(artifact, e);
        }
    }

    private void addReferences(String artifact, Schema.Parser parser, List<SchemaReference> refs, int depth) {
        if (depth > MAX_REFERENCE_DEPTH) {
            throw RegistryProblem.ruleViolation("Reference chain too deep for artifact " + artifact,
                    "The references of artifact " + artifact + " nest deeper than " + MAX_REFERENCE_DEPTH
                            + " levels (a reference cycle?).",
                    List.of(new RegistryProblem.Cause("reference cycle or excessive nesting", "/references")));
        }
        for (SchemaReference ref : refs) {
            StoredVersion target = references.apply(ref);
            if (target == null) {
                throw RegistryProblem.ruleViolation("Unresolvable reference in artifact " + artifact,
                        "Artifact " + artifact + " references " + ref.coordinates() + " as '" + ref.name()
                                + "', which is not registered.",
                        List.of(new RegistryProblem.Cause("reference not found: " + ref.coordinates(),
                                "/references/" + ref.name())));
            }
            addReferences(artifact, parser, target.references(), depth + 1);
            if (!parser.getTypes().containsKey(ref.name())) {
                parser.parse(target.content());
            }
        }
    }

    /** The fully inlined schema, for clients that ask for {@code references=DEREFERENCE}. */
    String dereference(StoredVersion version) {
        if (version.references().isEmpty()) {
            return version.content();
        }
        return parse(version.coordinates(), version.content(), version.references()).toString();
    }

    /** Throws the rule violation that the serializer surfaces when {@code candidate} cannot read {@code latest}. */
    void requireBackward(String artifact, Schema candidate, StoredVersion latest) {
        Schema previous = parse(latest.coordinates(), latest.content(), latest.references());
        var result = SchemaCompatibility.checkReaderWriterCompatibility(candidate, previous).getResult();
        if (result.getCompatibility() != SchemaCompatibilityType.INCOMPATIBLE) {
            return;
        }
        List<Incompatibility> found = result.getIncompatibilities();
        List<RegistryProblem.Cause> causes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Incompatibility i : found) {
            String description = explain(i);
            if (seen.add(description + i.getLocation())) {
                causes.add(new RegistryProblem.Cause(description, i.getLocation()));
            }
        }
        // Same wording as Apicurio's CompatibilityRuleExecutor, so operators recognise it.
        String title = "Incompatible artifact: " + artifact + " [AVRO], num of incompatible diffs: {"
                + causes.size() + "}, list of diff types: "
                + found.stream().map(i -> i.getType() + " at " + i.getLocation()).distinct().toList();
        String detail = "Schema for artifact " + artifact + " is not BACKWARD compatible with its latest version "
                + latest.version() + " (globalId " + latest.globalId() + "): "
                + causes.stream().map(c -> c.description() + " at " + c.context()).collect(Collectors.joining("; "))
                + ". Give new fields a default, or register the change under a new topic.";
        throw RegistryProblem.ruleViolation(title, detail, causes);
    }

    private static String explain(Incompatibility i) {
        String what = i.getMessage();
        return switch (i.getType()) {
            case READER_FIELD_MISSING_DEFAULT_VALUE ->
                    "new field '" + what + "' has no default, so records written without it cannot be read";
            case TYPE_MISMATCH -> "type changed incompatibly (" + what + ")";
            case MISSING_ENUM_SYMBOLS -> "enum symbols removed without an enum default (" + what + ")";
            case MISSING_UNION_BRANCH -> "union branch removed (" + what + ")";
            case NAME_MISMATCH -> "named type renamed without an alias (" + what + ")";
            case FIXED_SIZE_MISMATCH -> "fixed size changed (" + what + ")";
            default -> i.getType() + " (" + what + ")";
        };
    }

    private static RegistryProblem invalid(String artifact, RuntimeException e) {
        String detail = "Content for artifact " + artifact + " is not a valid Avro schema: " + e.getMessage();
        return RegistryProblem.ruleViolation("Syntax violation for Avro artifact.", detail,
                List.of(new RegistryProblem.Cause(String.valueOf(e.getMessage()), "/")));
    }
}
