package dev.hauntedhelpdesk.container;

import dev.hauntedhelpdesk.iam.CloudFormationYaml;
import dev.hauntedhelpdesk.iam.RolePolicy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code container/template.yaml} as one deployment sees it: the parameters a test gives (the
 * rest take their {@code Default}) decide the template's {@code Conditions}, every {@code Fn::If}
 * becomes the branch its condition picks, and resources whose condition fails are gone. Other
 * intrinsics stay as they are, for {@link RolePolicy} to resolve against a recorded context.
 */
final class EcsTemplate {

    /** The template, relative to the container module (Surefire and Failsafe run there). */
    static final Path PATH = Path.of("template.yaml");

    /** What {@code Ref: AWS::NoValue} leaves behind: the property or list entry disappears. */
    private static final Object NO_VALUE = new Object();

    private final Map<String, Object> root;
    private final Map<String, String> parameters;

    private EcsTemplate(Map<String, Object> root, Map<String, String> parameters) {
        this.root = root;
        this.parameters = parameters;
    }

    /** The template deployed with these parameter values. */
    @SuppressWarnings("unchecked")
    static EcsTemplate deployedWith(Map<String, String> parameters) {
        Map<String, Object> raw = CloudFormationYaml.read(PATH);
        EcsTemplate unresolved = new EcsTemplate(raw, Map.copyOf(parameters));
        Map<String, Object> resources = new LinkedHashMap<>();
        ((Map<String, Object>) raw.get("Resources")).forEach((id, resource) -> {
            Object condition = ((Map<String, Object>) resource).get("Condition");
            if (condition == null || unresolved.condition(String.valueOf(condition))) {
                resources.put(id, unresolved.prune(resource));
            }
        });
        Map<String, Object> root = new LinkedHashMap<>(raw);
        root.put("Resources", resources);
        return new EcsTemplate(root, Map.copyOf(parameters));
    }

    /** Whether the template creates this resource in this deployment. */
    boolean has(String logicalId) {
        return resources().containsKey(logicalId);
    }

    /** One resource's {@code Type}; fails when this deployment has no such resource. */
    String type(String logicalId) {
        return String.valueOf(resource(logicalId).get("Type"));
    }

    /** One resource's {@code Properties}; fails when this deployment has no such resource. */
    @SuppressWarnings("unchecked")
    Map<String, Object> properties(String logicalId) {
        Object properties = resource(logicalId).get("Properties");
        return properties == null ? Map.of() : (Map<String, Object>) properties;
    }

    /** A parameter's value in this deployment. */
    @SuppressWarnings("unchecked")
    String parameter(String name) {
        if (parameters.containsKey(name)) {
            return parameters.get(name);
        }
        Map<String, Object> declared = (Map<String, Object>) root.getOrDefault("Parameters", Map.of());
        if (declared.get(name) instanceof Map<?, ?> parameter && parameter.containsKey("Default")) {
            return String.valueOf(parameter.get("Default"));
        }
        throw new IllegalArgumentException("No value given for parameter " + name + " of " + PATH);
    }

    /** The one container of the task definition, by name. */
    @SuppressWarnings("unchecked")
    Map<String, Object> container(String taskDefinitionId, String name) {
        for (Object container : (List<Object>) properties(taskDefinitionId).get("ContainerDefinitions")) {
            Map<String, Object> definition = (Map<String, Object>) container;
            if (name.equals(definition.get("Name"))) {
                return definition;
            }
        }
        throw new IllegalArgumentException(taskDefinitionId + " has no container " + name);
    }

    /** A container's {@code Environment} as a map of template values. */
    @SuppressWarnings("unchecked")
    Map<String, Object> environment(String taskDefinitionId, String name) {
        Map<String, Object> variables = new LinkedHashMap<>();
        Object environment = container(taskDefinitionId, name).get("Environment");
        for (Object entry : environment == null ? List.of() : (List<Object>) environment) {
            Map<String, Object> variable = (Map<String, Object>) entry;
            if (variables.put(String.valueOf(variable.get("Name")), variable.get("Value")) != null) {
                throw new IllegalArgumentException(name + " sets " + variable.get("Name") + " twice");
            }
        }
        return variables;
    }

    /**
     * The inline policy of the {@code AWS::IAM::Role} the task definition names as its task role,
     * with the variables of the task's container. A managed policy would grant what this check
     * cannot see, so one fails.
     */
    @SuppressWarnings("unchecked")
    RolePolicy taskRolePolicy(String taskDefinitionId, String containerName) {
        Object taskRole = properties(taskDefinitionId).get("TaskRoleArn");
        if (!(taskRole instanceof Map<?, ?> getAtt) || !getAtt.containsKey("Fn::GetAtt")) {
            throw new IllegalArgumentException(taskDefinitionId + ": TaskRoleArn is not a role of this template: " + taskRole);
        }
        Object target = getAtt.get("Fn::GetAtt");
        String[] parts = target instanceof List<?> l ? new String[] {String.valueOf(l.get(0)), String.valueOf(l.get(1))}
                : String.valueOf(target).split("\\.", 2);
        if (!"Arn".equals(parts[1]) || !"AWS::IAM::Role".equals(type(parts[0]))) {
            throw new IllegalArgumentException(taskDefinitionId + ": TaskRoleArn is not a role's Arn: " + taskRole);
        }
        String role = parts[0];
        Map<String, Object> properties = properties(role);
        if (properties.containsKey("ManagedPolicyArns") || properties.containsKey("PermissionsBoundary")) {
            throw new IllegalArgumentException(role + ": managed policies grant what this check cannot see");
        }
        List<Object> documents = new ArrayList<>();
        for (Object policy : (List<Object>) properties.getOrDefault("Policies", List.of())) {
            Map<String, Object> named = (Map<String, Object>) policy;
            documents.add(Objects.requireNonNull(named.get("PolicyDocument"), role + ": policy without a document"));
        }
        return RolePolicy.of(role, documents, environment(taskDefinitionId, containerName), this::type);
    }

    /** The logical id of the role the task definition runs its code as. */
    String taskRoleId(String taskDefinitionId) {
        Object taskRole = properties(taskDefinitionId).get("TaskRoleArn");
        Object target = ((Map<?, ?>) taskRole).get("Fn::GetAtt");
        return target instanceof List<?> l ? String.valueOf(l.get(0)) : String.valueOf(target).split("\\.", 2)[0];
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> resources() {
        return (Map<String, Object>) root.get("Resources");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> resource(String logicalId) {
        if (!(resources().get(logicalId) instanceof Map<?, ?> resource)) {
            throw new IllegalArgumentException("No resource " + logicalId + " in " + PATH + " deployed with " + parameters);
        }
        return (Map<String, Object>) resource;
    }

    @SuppressWarnings("unchecked")
    boolean condition(String name) {
        Map<String, Object> conditions = (Map<String, Object>) root.getOrDefault("Conditions", Map.of());
        if (!conditions.containsKey(name)) {
            throw new IllegalArgumentException("No condition " + name + " in " + PATH);
        }
        return truth(conditions.get(name));
    }

    @SuppressWarnings("unchecked")
    private boolean truth(Object node) {
        Map.Entry<String, Object> only = ((Map<String, Object>) node).entrySet().iterator().next();
        List<Object> args = only.getValue() instanceof List<?> l ? (List<Object>) l : List.of(only.getValue());
        return switch (only.getKey()) {
            case "Fn::Equals" -> scalar(args.get(0)).equals(scalar(args.get(1)));
            case "Fn::Not" -> !truth(args.get(0));
            case "Fn::And" -> args.stream().allMatch(this::truth);
            case "Fn::Or" -> args.stream().anyMatch(this::truth);
            case "Condition" -> condition(String.valueOf(only.getValue()));
            default -> throw new IllegalArgumentException("Condition function " + only.getKey() + " is not supported");
        };
    }

    private String scalar(Object node) {
        if (node instanceof Map<?, ?> map && map.size() == 1 && map.containsKey("Ref")) {
            return parameter(String.valueOf(map.get("Ref")));
        }
        if (node instanceof Map<?, ?> || node instanceof List<?>) {
            throw new IllegalArgumentException("Only parameters and literals are compared in conditions: " + node);
        }
        return String.valueOf(node);
    }

    @SuppressWarnings("unchecked")
    private Object prune(Object node) {
        if (node instanceof List<?> list) {
            List<Object> values = new ArrayList<>();
            for (Object item : list) {
                Object value = prune(item);
                if (value != NO_VALUE) {
                    values.add(value);
                }
            }
            return values;
        }
        if (!(node instanceof Map<?, ?> map)) {
            return node;
        }
        if (map.size() == 1 && map.containsKey("Fn::If")) {
            List<Object> args = (List<Object>) map.get("Fn::If");
            return prune(condition(String.valueOf(args.get(0))) ? args.get(1) : args.get(2));
        }
        if (map.size() == 1 && "AWS::NoValue".equals(map.get("Ref"))) {
            return NO_VALUE;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            Object value = prune(v);
            if (value != NO_VALUE) {
                values.put(String.valueOf(k), value);
            }
        });
        return values;
    }
}
