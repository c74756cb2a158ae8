package io.gpconnect.bench.target;

import io.gpconnect.bench.scale.SyntheticScale;

/** The engine a bench run wants started: its processing guarantee and the synthetic practices to seed and serve. */
public record EngineSpec(boolean exactlyOnce, SyntheticScale scale) {

    public String guarantee() {
        return exactlyOnce ? "exactly_once_v2" : "at_least_once";
    }
}
