package io.gpconnect.registry.embedded;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.Comparator;

/**
 * One entry of a version's {@code references} list, in the shape of Apicurio's v3 {@code ArtifactReference}:
 * {@code name} is the Avro full name the referencing schema uses for the type that version defines.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record SchemaReference(String groupId, String artifactId, String version, String name) {

    static final Comparator<SchemaReference> ORDER = Comparator
            .comparing(SchemaReference::name, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(SchemaReference::groupId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(SchemaReference::artifactId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(SchemaReference::version, Comparator.nullsFirst(Comparator.naturalOrder()));

    /** Apicurio treats a missing group as the "default" group; one spelling keeps content identity exact. */
    SchemaReference normalised() {
        return new SchemaReference(groupId == null ? SchemaStore.DEFAULT_GROUP : groupId, artifactId, version, name);
    }

    String coordinates() {
        return groupId + "/" + artifactId + "@" + version;
    }
}
