package dev.hauntedhelpdesk.iam;

import dev.hauntedhelpdesk.testing.SdkCallRecorder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The record {@link SdkCallRecorder} wrote while the contract suites ran: the calls, the
 * settings of each application context that made them, and any call it could not read.
 */
public record SdkCalls(List<Call> calls, Map<String, Map<String, String>> contexts, List<String> errors, Path directory) {

    /** One recorded call (one item of a transaction or batch). */
    public record Call(Map<String, String> fields) {

        public String field(String name) {
            return fields.getOrDefault(name, "");
        }

        public String require(String name) {
            String value = field(name);
            if (value.isEmpty()) {
                throw new IllegalArgumentException("The record of " + this + " has no " + name);
            }
            return value;
        }

        public String role() {
            return field("role");
        }

        public String context() {
            return field("context");
        }

        public String service() {
            return field("service");
        }

        public String operation() {
            return field("operation");
        }

        public String part() {
            return field("part");
        }

        public String region() {
            return require("region");
        }

        public boolean presigned() {
            return Boolean.parseBoolean(field("presigned"));
        }

        /** The innermost application frame, e.g. {@code HelpdeskTable.createIfMissing}. */
        public String caller() {
            return field("caller");
        }

        @Override
        public String toString() {
            return role() + " " + service() + "." + operation() + (part().isEmpty() ? "" : "." + part())
                    + (presigned() ? " (presigned)" : "") + " from " + caller() + " " + resources();
        }

        private Map<String, String> resources() {
            Map<String, String> resources = new LinkedHashMap<>();
            for (String name : List.of("table", "index", "bucket", "key", "queue", "model")) {
                if (!field(name).isEmpty()) {
                    resources.put(name, field(name));
                }
            }
            return resources;
        }
    }

    /** The directory Surefire's run wrote to (the system property the build sets for both plugins). */
    public static Path recordDirectory() {
        return Path.of(System.getProperty(SdkCallRecorder.DIRECTORY_PROPERTY, "target/sdk-calls"));
    }

    public static SdkCalls read() {
        return read(recordDirectory());
    }

    public static SdkCalls read(Path directory) {
        List<Call> calls = new ArrayList<>();
        Map<String, Map<String, String>> contexts = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        if (Files.isDirectory(directory)) {
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".tsv")).sorted().toList()) {
                    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                        Map<String, String> fields = fields(line);
                        switch (fields.getOrDefault("kind", "")) {
                            case "call" -> calls.add(new Call(fields));
                            case "context" -> contexts.put(fields.get("context"), fields);
                            default -> errors.add(line);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new SdkCalls(calls, contexts, errors, directory);
    }

    /** The calls one role made. */
    public List<Call> of(String role) {
        return calls.stream().filter(c -> c.role().equals(role)).toList();
    }

    /** The settings of the context a call was made in. */
    public Map<String, String> settings(Call call) {
        Map<String, String> settings = contexts.get(call.context());
        if (settings == null) {
            throw new IllegalStateException("No settings were recorded for context " + call.context());
        }
        return settings;
    }

    private static Map<String, String> fields(String line) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : line.split("\t")) {
            int eq = field.indexOf('=');
            if (eq > 0) {
                fields.put(field.substring(0, eq), field.substring(eq + 1));
            }
        }
        return fields;
    }
}
