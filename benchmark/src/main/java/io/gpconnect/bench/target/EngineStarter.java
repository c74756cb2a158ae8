package io.gpconnect.bench.target;

/**
 * Starts an engine for the bench and stops it afterwards. Supplied by whoever can build one (the launcher);
 * the bench itself only ever talks to an engine from outside.
 */
@FunctionalInterface
public interface EngineStarter {
    RunningEngine start(EngineSpec spec) throws Exception;

    /** An engine the bench started; closing it stops it and removes its data. */
    interface RunningEngine extends AutoCloseable {
        Target target();

        @Override
        void close();
    }
}
