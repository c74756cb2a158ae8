package io.gpconnect.registry.embedded;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The registry's state and its registration rules. Memory is only a view of {@link SchemaLog}: ids are
 * reserved before a write and applied after it, and every write first catches up with the topic so that a
 * second instance on the same Kafka (a restarted process, a test) never hands out an id already taken.
 * One lock for everything: schema traffic is a handful of calls per producer start.
 */
final class SchemaStore {
    static final String DEFAULT_GROUP = "default";
    static final String AVRO = "AVRO";
    private static final String LATEST_BRANCH = "branch=latest";

    private static final Logger log = LoggerFactory.getLogger(SchemaStore.class);

    /** What Apicurio does when the artifact already exists ({@code ifExists} on artifact creation). */
    enum IfExists { FAIL, CREATE_VERSION, FIND_OR_CREATE_VERSION }

    /** A version as the client asks for it; groupId is already defaulted. */
    record NewVersion(String groupId, String artifactId, String artifactType, String version, String content,
                      String contentType, List<SchemaReference> references) {
    }

    private record ContentKey(String content, List<SchemaReference> references) {
    }

    private final SchemaLog schemaLog;
    private final AvroCompatibility avro = new AvroCompatibility(this::resolveReference);
    private final ObjectMapper canonicalJson = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final Map<Long, StoredVersion> byGlobalId = new HashMap<>();
    /** The first version stored with each content id: content, type and references are shared by all. */
    private final Map<Long, StoredVersion> byContentId = new HashMap<>();
    private final Map<ContentKey, Long> contentIds = new HashMap<>();
    private final Map<String, Long> contentIdsByHash = new HashMap<>();
    /** Versions per artifact, in registration order: the last one is branch=latest. */
    private final Map<String, List<StoredVersion>> artifacts = new LinkedHashMap<>();
    private long nextGlobalId = 1;
    private long nextContentId = 1;

    SchemaStore(SchemaLog schemaLog) {
        this.schemaLog = schemaLog;
        synchronized (this) {
            schemaLog.catchUp(this::apply);
        }
        log.info("Schema registry state rebuilt from {}: {} versions of {} artifacts", SchemaLog.TOPIC,
                byGlobalId.size(), artifacts.size());
    }

    /**
     * Apicurio's "create artifact" with its {@code ifExists} handling: a new artifact gets version 1; an
     * existing one either fails, returns the version already holding this content, or gets a new version
     * that must be BACKWARD compatible with the latest.
     */
    synchronized StoredVersion register(NewVersion request, IfExists ifExists, boolean canonical) {
        schemaLog.catchUp(this::apply);
        String artifactId = request.artifactId() == null || request.artifactId().isBlank()
                ? UUID.randomUUID().toString() : request.artifactId();
        String artifact = request.groupId() + "/" + artifactId;
        String type = request.artifactType() == null ? AVRO : request.artifactType();
        if (!AVRO.equals(type)) {
            throw RegistryProblem.badRequest("Artifact type " + type
                    + " is not supported by this registry (AVRO only)");
        }
        List<SchemaReference> refs = normalise(request.references());
        Schema candidate = avro.parse(artifact, request.content(), refs);

        List<StoredVersion> existing = artifacts.getOrDefault(key(request.groupId(), artifactId), List.of());
        if (!existing.isEmpty()) {
            switch (ifExists) {
                case FAIL -> throw RegistryProblem.conflict("ArtifactAlreadyExistsException",
                        "An artifact with ID '" + artifactId + "' in group '" + request.groupId()
                                + "' already exists.");
                case FIND_OR_CREATE_VERSION -> {
                    Optional<StoredVersion> same = findSameContent(existing, request.content(), refs, canonical);
                    if (same.isPresent()) {
                        return same.get();
                    }
                }
                case CREATE_VERSION -> { }
            }
            if (request.version() != null && existing.stream().anyMatch(v -> v.version().equals(request.version()))) {
                throw RegistryProblem.conflict("VersionAlreadyExistsException", "Version " + request.version()
                        + " of artifact " + artifact + " already exists.");
            }
            StoredVersion latest = existing.get(existing.size() - 1);
            try {
                avro.requireBackward(artifact, candidate, latest);
            } catch (RegistryProblem refused) {
                log.warn("Refused new version of {}: {}", artifact, refused.detail());
                throw refused;
            }
        }
        String version = request.version() != null ? request.version() : nextVersionName(existing);
        return append(request, artifactId, type, version, refs);
    }

    private StoredVersion append(NewVersion request, String artifactId, String type, String version,
                                 List<SchemaReference> refs) {
        ContentKey contentKey = new ContentKey(request.content(), refs);
        Long knownContentId = contentIds.get(contentKey);
        // Reserved before the write: an id is burned if the write fails, never handed out twice.
        long contentId = knownContentId != null ? knownContentId : nextContentId++;
        long globalId = nextGlobalId++;
        StoredVersion stored = new StoredVersion(globalId, contentId, request.groupId(), artifactId, version, type,
                request.contentType() == null ? "application/json" : request.contentType(), request.content(), refs,
                System.currentTimeMillis());
        schemaLog.append(stored);
        apply(stored);
        log.info("Registered {} version {} (globalId {}, contentId {})", stored.coordinates(), version, globalId,
                contentId);
        return stored;
    }

    /** Idempotent, because a version this instance wrote also comes back on the next catch-up. */
    private void apply(StoredVersion v) {
        if (byGlobalId.putIfAbsent(v.globalId(), v) != null) {
            return;
        }
        byContentId.putIfAbsent(v.contentId(), v);
        contentIds.putIfAbsent(new ContentKey(v.content(), v.references()), v.contentId());
        contentIdsByHash.putIfAbsent(contentHash(v.content(), v.references()), v.contentId());
        List<StoredVersion> versions = artifacts.computeIfAbsent(key(v.groupId(), v.artifactId()),
                k -> new ArrayList<>());
        versions.add(v);
        versions.sort(Comparator.comparingLong(StoredVersion::globalId));
        nextGlobalId = Math.max(nextGlobalId, v.globalId() + 1);
        nextContentId = Math.max(nextContentId, v.contentId() + 1);
    }

    synchronized Optional<StoredVersion> byGlobalId(long globalId) {
        return lookup(() -> Optional.ofNullable(byGlobalId.get(globalId)));
    }

    synchronized Optional<StoredVersion> byContentId(long contentId) {
        return lookup(() -> Optional.ofNullable(byContentId.get(contentId)));
    }

    synchronized Optional<StoredVersion> byContentHash(String hash) {
        return lookup(() -> Optional.ofNullable(contentIdsByHash.get(hash)).map(byContentId::get));
    }

    /** A version by Apicurio version expression: a version name, or {@code branch=latest}. */
    synchronized StoredVersion version(String groupId, String artifactId, String expression) {
        return lookup(() -> findVersion(groupId, artifactId, expression)).orElseThrow(() -> {
            if (expression.startsWith("branch=") && !LATEST_BRANCH.equals(expression)) {
                return RegistryProblem.notFound("BranchNotFoundException", "No branch '"
                        + expression.substring("branch=".length()) + "' in artifact " + groupId + "/" + artifactId
                        + " (this registry only has branch=latest).");
            }
            if (!artifacts.containsKey(key(groupId, artifactId))) {
                return RegistryProblem.notFound("ArtifactNotFoundException",
                        "No artifact with ID '" + artifactId + "' in group '" + groupId + "' was found.");
            }
            return RegistryProblem.notFound("VersionNotFoundException",
                    "No version '" + expression + "' found for artifact " + groupId + "/" + artifactId + ".");
        });
    }

    synchronized List<StoredVersion> versions(String groupId, String artifactId) {
        return List.copyOf(artifacts.getOrDefault(key(groupId, artifactId), List.of()));
    }

    /** Versions holding {@code content}, newest first; references are not part of a content search. */
    synchronized List<StoredVersion> searchByContent(String content, String groupId, String artifactId,
                                                     boolean canonical) {
        schemaLog.catchUp(this::apply);
        String wanted = canonical ? canonical(content) : content;
        return byGlobalId.values().stream()
                .filter(v -> groupId == null || v.groupId().equals(groupId))
                .filter(v -> artifactId == null || v.artifactId().equals(artifactId))
                .filter(v -> wanted.equals(canonical ? canonical(v.content()) : v.content()))
                .sorted(Comparator.comparingLong(StoredVersion::globalId).reversed())
                .toList();
    }

    synchronized String dereferencedContent(StoredVersion version) {
        return avro.dereference(version);
    }

    private Optional<StoredVersion> findVersion(String groupId, String artifactId, String expression) {
        List<StoredVersion> versions = artifacts.getOrDefault(key(groupId, artifactId), List.of());
        if (versions.isEmpty()) {
            return Optional.empty();
        }
        if (LATEST_BRANCH.equals(expression)) {
            return Optional.of(versions.get(versions.size() - 1));
        }
        return versions.stream().filter(v -> v.version().equals(expression)).findFirst();
    }

    private StoredVersion resolveReference(SchemaReference ref) {
        return findVersion(ref.groupId() == null ? DEFAULT_GROUP : ref.groupId(), ref.artifactId(),
                ref.version() == null ? LATEST_BRANCH : ref.version()).orElse(null);
    }

    /** A miss may be a version another instance has just written: read the topic once more before saying no. */
    private <T> Optional<T> lookup(Supplier<Optional<T>> find) {
        Optional<T> found = find.get();
        if (found.isPresent()) {
            return found;
        }
        schemaLog.catchUp(this::apply);
        return find.get();
    }

    private Optional<StoredVersion> findSameContent(List<StoredVersion> versions, String content,
                                                    List<SchemaReference> refs, boolean canonical) {
        String wanted = canonical ? canonical(content) : content;
        for (int i = versions.size() - 1; i >= 0; i--) {
            StoredVersion v = versions.get(i);
            if (v.references().equals(refs) && wanted.equals(canonical ? canonical(v.content()) : v.content())) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    private static String nextVersionName(List<StoredVersion> versions) {
        int n = versions.size() + 1;
        while (true) {
            String name = Integer.toString(n);
            if (versions.stream().noneMatch(v -> v.version().equals(name))) {
                return name;
            }
            n++;
        }
    }

    /** canonical=true: the same JSON, whatever the whitespace and key order. */
    private String canonical(String content) {
        try {
            Object tree = canonicalJson.readValue(content, Object.class);
            return canonicalJson.writeValueAsString(tree);
        } catch (JsonProcessingException notJson) {
            return content.strip();
        }
    }

    private static List<SchemaReference> normalise(List<SchemaReference> refs) {
        if (refs == null) {
            return List.of();
        }
        return refs.stream().map(SchemaReference::normalised).sorted(SchemaReference.ORDER).distinct().toList();
    }

    /** SHA-256 of the content (and its references, when there are any), hex. */
    static String contentHash(String content, List<SchemaReference> refs) {
        StringBuilder hashed = new StringBuilder(content);
        for (SchemaReference r : refs) {
            hashed.append('\n').append(r.name()).append('=').append(r.groupId()).append('/').append(r.artifactId())
                    .append('@').append(r.version());
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(hashed.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A separator no group or artifact id can contain, so "a/b" + "c" never meets "a" + "b/c". */
    private static String key(String groupId, String artifactId) {
        return groupId + '\0' + artifactId;
    }
}
