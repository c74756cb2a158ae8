package io.gpconnect.bench.phase;

import io.gpconnect.bench.load.OperationResult;

import java.util.List;

/** One bounded load run of the bench, e.g. slot search or booking; returns each operation it measured. */
public interface Phase {
    String name();

    List<OperationResult> run(BenchContext context) throws Exception;
}
