package io.gpconnect.registry.embedded;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * One artifact version exactly as it is written to, and replayed from, the schema topic. It carries its ids, so
 * a replay reproduces the very ids the serdes already wrote into message payloads.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record StoredVersion(
        long globalId,
        long contentId,
        String groupId,
        String artifactId,
        String version,
        String artifactType,
        String contentType,
        String content,
        List<SchemaReference> references,
        long createdOn) {

    StoredVersion {
        references = references == null ? List.of() : List.copyOf(references);
    }

    boolean sameArtifact(String group, String artifact) {
        return groupId.equals(group) && artifactId.equals(artifact);
    }

    String coordinates() {
        return groupId + "/" + artifactId;
    }
}
