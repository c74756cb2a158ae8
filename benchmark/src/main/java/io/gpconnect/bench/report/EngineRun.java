package io.gpconnect.bench.report;

import io.gpconnect.bench.load.OperationResult;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Everything measured against one engine.
 *
 * @param guarantee        the slot projection's processing guarantee
 * @param peakRssBytes     the engine process's peak resident memory, when its pid is known
 * @param warmUp           how the engine was warmed up before the first measured run (passes, JIT activity)
 * @param notes            what makes some figures not what they seem (a run that ran out of free slots)
 */
public record EngineRun(String label, String guarantee, List<OperationResult> results, OptionalLong peakRssBytes, String warmUp,
                        List<String> notes) {

    public Optional<OperationResult> result(String operation) {
        return results.stream().filter(r -> r.name().equals(operation)).findFirst();
    }
}
