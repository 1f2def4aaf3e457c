package dev.hauntedhelpdesk.contract;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The OpenAPI document as the tests read it: each operation with its documented statuses and
 * their media types, whether it needs a token, and its request body, {@code $ref}s resolved.
 */
public final class OpenApiDocument {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    private final Map<String, Object> root;

    private OpenApiDocument(Map<String, Object> root) {
        this.root = root;
    }

    public static OpenApiDocument parse(String yaml) {
        Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        if (!(loaded instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("not an OpenAPI document: " + yaml);
        }
        return new OpenApiDocument(map(loaded));
    }

    /** A value by its path from the root, e.g. {@code at("info", "version")}; null when absent. */
    public Object at(String... keys) {
        Object node = root;
        for (String key : keys) {
            if (!(node instanceof Map<?, ?> m)) {
                return null;
            }
            node = m.get(key);
        }
        return node;
    }

    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        map(root.get("paths")).forEach((path, item) -> map(item).forEach((method, op) -> {
            if (METHODS.contains(method)) {
                operations.add(operation(method.toUpperCase(Locale.ROOT), path, map(op)));
            }
        }));
        return operations;
    }

    /** The component schema {@code name}, or the one a {@code $ref} names. */
    public Map<String, Object> schema(Map<String, Object> schemaOrRef) {
        return resolve(schemaOrRef);
    }

    private Operation operation(String method, String path, Map<String, Object> op) {
        Map<String, Set<String>> statuses = new LinkedHashMap<>();
        map(op.get("responses")).forEach((status, response) ->
                statuses.put(status, new LinkedHashSet<>(map(resolve(map(response)).get("content")).keySet())));
        // The document's global requirement applies unless the operation states its own (`[]`: none).
        Object security = op.containsKey("security") ? op.get("security") : root.get("security");
        boolean anonymous = security == null || ((List<?>) security).isEmpty();
        Optional<RequestBody> body = Optional.ofNullable(op.get("requestBody")).map(b -> {
            Map<String, Object> requestBody = resolve(map(b));
            Map<String, Object> content = map(requestBody.get("content"));
            String mediaType = content.keySet().iterator().next();
            Map<String, Object> schema = resolve(map(map(content.get(mediaType)).get("schema")));
            return new RequestBody(mediaType, Boolean.TRUE.equals(requestBody.get("required")), schema);
        });
        return new Operation(method, path, (String) op.get("summary"), statuses, anonymous, body);
    }

    private Map<String, Object> resolve(Map<String, Object> node) {
        Object ref = node.get("$ref");
        if (ref == null) {
            return node;
        }
        String[] parts = String.valueOf(ref).replaceFirst("^#/", "").split("/");
        Object target = at(parts);
        if (target == null) {
            throw new IllegalStateException("dangling $ref " + ref);
        }
        return resolve(map(target));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return node == null ? Map.of() : (Map<String, Object>) node;
    }

    /**
     * One operation of the document; {@code statuses} maps each status to the media types it may
     * carry. {@code summary} is null where nobody described it (micronaut-openapi lists every
     * controller route, described or not).
     */
    public record Operation(String method, String path, String summary, Map<String, Set<String>> statuses,
                            boolean anonymous, Optional<RequestBody> body) {

        public boolean documents(int status) {
            return statuses.containsKey(Integer.toString(status));
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** A request body: its media type, whether it must be sent, and its schema. */
    public record RequestBody(String mediaType, boolean required, Map<String, Object> schema) {

        @SuppressWarnings("unchecked")
        public List<String> requiredFields() {
            return (List<String>) schema.getOrDefault("required", List.of());
        }

        @SuppressWarnings("unchecked")
        public Map<String, Object> properties() {
            return (Map<String, Object>) schema.getOrDefault("properties", Map.of());
        }

        @SuppressWarnings("unchecked")
        public Map<String, Object> example() {
            return (Map<String, Object>) schema.getOrDefault("example", Map.of());
        }
    }
}
