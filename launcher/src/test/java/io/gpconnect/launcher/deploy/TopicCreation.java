package io.gpconnect.launcher.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One {@code kafka-topics.sh --create} line of a shell script, as Kafka would read its arguments. */
record TopicCreation(String topic, int partitions, int replicationFactor, Map<String, String> config) {

    /** Every topic creation in {@code script}; backslash-continued lines are joined first. */
    static List<TopicCreation> in(String script) {
        List<TopicCreation> out = new ArrayList<>();
        for (String line : script.replace("\\\n", " ").split("\n")) {
            if (line.contains("kafka-topics.sh") && line.contains("--create")) {
                out.add(parse(line.trim().split("\\s+")));
            }
        }
        return out;
    }

    private static TopicCreation parse(String[] args) {
        String topic = null;
        int partitions = -1;
        int replication = -1;
        Map<String, String> config = new LinkedHashMap<>();
        for (int i = 0; i < args.length - 1; i++) {
            switch (args[i]) {
                case "--topic" -> topic = args[i + 1];
                case "--partitions" -> partitions = Integer.parseInt(args[i + 1]);
                case "--replication-factor" -> replication = Integer.parseInt(args[i + 1]);
                case "--config" -> {
                    String[] kv = args[i + 1].split("=", 2);
                    config.put(kv[0], kv[1]);
                }
                default -> { }
            }
        }
        return new TopicCreation(topic, partitions, replication, config);
    }
}
