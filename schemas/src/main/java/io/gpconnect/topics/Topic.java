package io.gpconnect.topics;

import java.util.Map;

/** A topic of the engine with the settings it is created with. */
public record Topic(String name, String purpose, Map<String, String> config) {
}
