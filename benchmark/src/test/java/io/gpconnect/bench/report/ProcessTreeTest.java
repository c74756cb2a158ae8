package io.gpconnect.bench.report;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An engine whose broker runs in a child JVM is charged for that JVM's CPU and memory too: here this test's own
 * JVM plays the engine and a busy shell its broker.
 */
class ProcessTreeTest {
    @Test
    void aChildsCpuAndMemoryCountAsTheEnginesAndItsThreadsAsTheBrokers() throws Exception {
        long self = ProcessHandle.current().pid();
        Process child = new ProcessBuilder("sh", "-c", "i=0; while [ $i -lt 2000000 ]; do i=$((i+1)); done; sleep 60").start();
        try {
            double childCpu = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (childCpu < 0.3 && System.nanoTime() < deadline) {
                Thread.sleep(100);
                childCpu = ProcessCpu.seconds(child.pid()).orElse(0);
            }
            assertThat(childCpu).as("the child's CPU seconds").isGreaterThanOrEqualTo(0.3);
            double ownBefore = ProcessCpu.self().orElseThrow();
            long ownPeakBefore = ResidentMemory.field(self, "VmHWM:").orElseThrow();
            long childPeak = ResidentMemory.peakBytes(child.pid()).orElseThrow();

            assertThat(ProcessCpu.seconds(self).orElseThrow()).as("CPU of the tree")
                    .isGreaterThanOrEqualTo(ownBefore + childCpu - 1e-9);
            assertThat(ThreadGroupCpu.seconds(self).getOrDefault(ThreadGroupCpu.BROKER, 0.0)).as("the child's threads, as the broker's")
                    .isGreaterThanOrEqualTo(childCpu - 1e-9);
            assertThat(ResidentMemory.peakBytes(self).orElseThrow()).as("peak RSS of the tree")
                    .isGreaterThanOrEqualTo(ownPeakBefore + childPeak);
        } finally {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
