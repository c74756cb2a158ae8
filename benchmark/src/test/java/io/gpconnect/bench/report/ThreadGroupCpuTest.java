package io.gpconnect.bench.report;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine's threads, as /proc names them (15 characters), fall into the groups the report shows. */
class ThreadGroupCpuTest {
    @Test
    void theEnginesThreadsAreGroupedByWhatTheyDo() {
        assertThat(ThreadGroupCpu.group("gpconnect-slot-")).isEqualTo("decision processor");
        assertThat(ThreadGroupCpu.group("gpconnect-appoi")).isEqualTo("views");
        assertThat(ThreadGroupCpu.group("qtp816421765-14")).isEqualTo("HTTP");
        assertThat(ThreadGroupCpu.group("data-plane-kafk")).isEqualTo("broker");
        assertThat(ThreadGroupCpu.group("kafka-producer-")).isEqualTo("producers' network");
        assertThat(ThreadGroupCpu.group("rocksdb:low")).isEqualTo("RocksDB background");
        assertThat(ThreadGroupCpu.group("G1 Refine#0")).isEqualTo("GC");
        assertThat(ThreadGroupCpu.group("GC Thread#1")).isEqualTo("GC");
        assertThat(ThreadGroupCpu.group("C2 CompilerThre")).isEqualTo("JIT compiler");
        assertThat(ThreadGroupCpu.group("kafka-scheduler")).isEqualTo("other");
    }

    @Test
    void thisProcessHasThreadsToRead() {
        Map<String, Double> mine = ThreadGroupCpu.seconds(ProcessHandle.current().pid());

        assertThat(mine).isNotEmpty();
        assertThat(mine.values()).allMatch(s -> s >= 0);
    }

    @Test
    void whatEachGroupUsedBetweenTwoReadings() {
        Map<String, Double> used = ThreadGroupCpu.between(Map.of("views", 1.0, "HTTP", 2.0), Map.of("views", 1.5, "HTTP", 1.0, "GC", 0.25));

        assertThat(used).containsEntry("views", 0.5).containsEntry("GC", 0.25)
                .as("a pool's thread that ended took its time with it").containsEntry("HTTP", 0.0);
        assertThat(used.keySet()).containsExactlyElementsOf(ThreadGroupCpu.names());
        assertThat(ThreadGroupCpu.between(Map.of(), Map.of("views", 1.0))).isEmpty();
    }
}
