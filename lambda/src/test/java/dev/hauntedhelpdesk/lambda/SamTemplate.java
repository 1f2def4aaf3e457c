package dev.hauntedhelpdesk.lambda;

import dev.hauntedhelpdesk.iam.CloudFormationYaml;
import dev.hauntedhelpdesk.iam.RolePolicy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code lambda/template.yaml} as plain maps and lists ({@link CloudFormationYaml}), so tests can
 * hold the code against what is deployed.
 */
final class SamTemplate {

    /** The template, relative to the lambda module (Surefire and Failsafe run there). */
    static final Path PATH = Path.of("template.yaml");

    private final Map<String, Object> root;

    private SamTemplate(Map<String, Object> root) {
        this.root = root;
    }

    static SamTemplate load() {
        return load(PATH);
    }

    static SamTemplate load(Path path) {
        return new SamTemplate(CloudFormationYaml.read(path));
    }

    /** The whole document. */
    Map<String, Object> root() {
        return root;
    }

    /** One resource's {@code Properties}; fails when the resource is missing. */
    @SuppressWarnings("unchecked")
    Map<String, Object> properties(String logicalId) {
        Map<String, Object> resources = (Map<String, Object>) root.get("Resources");
        Object resource = resources.get(logicalId);
        if (!(resource instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("No resource " + logicalId + " in " + PATH);
        }
        Object properties = map.get("Properties");
        return properties == null ? Map.of() : (Map<String, Object>) properties;
    }

    /** One resource's {@code Type}; fails when the resource is missing. */
    @SuppressWarnings("unchecked")
    String type(String logicalId) {
        Map<String, Object> resources = (Map<String, Object>) root.get("Resources");
        if (!(resources.get(logicalId) instanceof Map<?, ?> resource)) {
            throw new IllegalArgumentException("No resource " + logicalId + " in " + PATH);
        }
        return String.valueOf(resource.get("Type"));
    }

    /**
     * The environment variables a function runs with: those in {@code Globals.Function}, then
     * the function's own, which win (as SAM merges them).
     */
    @SuppressWarnings("unchecked")
    Map<String, Object> environment(String functionId) {
        Map<String, Object> variables = new LinkedHashMap<>();
        Object globals = root.get("Globals");
        if (globals instanceof Map<?, ?> g && g.get("Function") instanceof Map<?, ?> function) {
            variables.putAll(variables((Map<String, Object>) function));
        }
        variables.putAll(variables(properties(functionId)));
        return variables;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> variables(Map<String, Object> function) {
        if (function.get("Environment") instanceof Map<?, ?> environment
                && environment.get("Variables") instanceof Map<?, ?> variables) {
            return (Map<String, Object>) variables;
        }
        return Map.of();
    }

    /**
     * The inline policy of the SAM function {@code functionId}, with the variables it runs with.
     * SAM adds the platform's own statements (CloudWatch Logs, X-Ray, an SQS event source's
     * poller), which the Lambda service uses, not the code; only {@code Policies} are the code's.
     */
    RolePolicy rolePolicy(String functionId) {
        Map<String, Object> properties = properties(functionId);
        if (properties.containsKey("Role")) {
            throw new IllegalArgumentException(functionId + " names a Role of its own; read that role's policy instead");
        }
        Object policies = properties.get("Policies");
        List<Object> documents = policies == null ? List.of()
                : policies instanceof List<?> l ? new ArrayList<>(l) : List.of(policies);
        return RolePolicy.of(functionId, documents, environment(functionId), this::type);
    }
}
