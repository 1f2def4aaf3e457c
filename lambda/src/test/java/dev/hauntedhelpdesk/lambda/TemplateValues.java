package dev.hauntedhelpdesk.lambda;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The template's values as one deployment would see them: CloudFormation intrinsics ({@code Ref},
 * {@code Fn::Sub}, {@code Fn::GetAtt}, {@code Fn::Split}, {@code Fn::Join}, {@code Fn::If} with the
 * template's {@code Conditions}, {@code AWS::NoValue}) resolved against the parameter values and
 * the physical ids a test gives. A parameter the test leaves out takes its {@code Default}; any
 * other name left unresolved is an error, so a test never reads a value it did not mean to set.
 */
final class TemplateValues {

    private static final Pattern SUB = Pattern.compile("\\$\\{([^}]+)}");
    /** What {@code Ref: AWS::NoValue} leaves behind: the property or list entry disappears. */
    private static final Object NO_VALUE = new Object();

    private final SamTemplate template;
    private final Map<String, Object> given;

    /**
     * @param template the template
     * @param given parameter values, pseudo parameters ({@code AWS::Region}) and, by logical id
     *     ({@code UserPool}) or {@code Id.Attribute}, what {@code Ref} and {@code Fn::GetAtt} return
     */
    TemplateValues(SamTemplate template, Map<String, Object> given) {
        this.template = template;
        this.given = Map.copyOf(given);
    }

    /** The node with every intrinsic resolved; null when it resolves to {@code AWS::NoValue}. */
    Object resolve(Object node) {
        Object value = value(node);
        return value == NO_VALUE ? null : value;
    }

    /** Whether the named condition holds. */
    @SuppressWarnings("unchecked")
    boolean condition(String name) {
        Map<String, Object> conditions = (Map<String, Object>) template.root().getOrDefault("Conditions", Map.of());
        if (!conditions.containsKey(name)) {
            throw new IllegalArgumentException("No condition " + name + " in " + SamTemplate.PATH);
        }
        return truth(conditions.get(name));
    }

    @SuppressWarnings("unchecked")
    private Object value(Object node) {
        if (node instanceof List<?> list) {
            List<Object> values = new ArrayList<>();
            for (Object item : list) {
                Object value = value(item);
                if (value != NO_VALUE) {
                    values.add(value);
                }
            }
            return values;
        }
        if (!(node instanceof Map<?, ?> map)) {
            return node;
        }
        if (map.size() == 1) {
            Map.Entry<?, ?> only = map.entrySet().iterator().next();
            String key = String.valueOf(only.getKey());
            Object argument = only.getValue();
            switch (key) {
                case "Ref":
                    return ref(String.valueOf(argument));
                case "Fn::GetAtt":
                    return lookUp(argument instanceof List<?> parts
                            ? parts.get(0) + "." + parts.get(1) : String.valueOf(argument));
                case "Fn::Sub":
                    return sub(argument);
                case "Fn::Split": {
                    List<Object> args = (List<Object>) argument;
                    String text = String.valueOf(value(args.get(1)));
                    return List.of(text.split(Pattern.quote(String.valueOf(args.get(0))), -1));
                }
                case "Fn::Join": {
                    List<Object> args = (List<Object>) argument;
                    List<String> parts = ((List<Object>) value(args.get(1))).stream().map(String::valueOf).toList();
                    return String.join(String.valueOf(args.get(0)), parts);
                }
                case "Fn::If": {
                    List<Object> args = (List<Object>) argument;
                    return value(condition(String.valueOf(args.get(0))) ? args.get(1) : args.get(2));
                }
                default:
                    if (key.startsWith("Fn::")) {
                        throw new IllegalArgumentException("Intrinsic " + key + " is not supported here");
                    }
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            Object value = value(v);
            if (value != NO_VALUE) {
                values.put(String.valueOf(k), value);
            }
        });
        return values;
    }

    @SuppressWarnings("unchecked")
    private boolean truth(Object node) {
        Map<String, Object> map = (Map<String, Object>) node;
        Map.Entry<String, Object> only = map.entrySet().iterator().next();
        List<Object> args = only.getValue() instanceof List<?> l ? (List<Object>) l : List.of(only.getValue());
        return switch (only.getKey()) {
            case "Fn::Equals" -> String.valueOf(value(args.get(0))).equals(String.valueOf(value(args.get(1))));
            case "Fn::Not" -> !truth(args.get(0));
            case "Fn::And" -> args.stream().allMatch(this::truth);
            case "Fn::Or" -> args.stream().anyMatch(this::truth);
            case "Condition" -> condition(String.valueOf(only.getValue()));
            default -> throw new IllegalArgumentException("Condition function " + only.getKey() + " is not supported");
        };
    }

    @SuppressWarnings("unchecked")
    private Object ref(String name) {
        if (name.equals("AWS::NoValue")) {
            return NO_VALUE;
        }
        if (given.containsKey(name)) {
            return given.get(name);
        }
        Map<String, Object> parameters = (Map<String, Object>) template.root().getOrDefault("Parameters", Map.of());
        if (parameters.get(name) instanceof Map<?, ?> parameter && parameter.containsKey("Default")) {
            return String.valueOf(parameter.get("Default"));
        }
        throw new IllegalArgumentException("No value given for Ref " + name);
    }

    private Object lookUp(String name) {
        if (!given.containsKey(name)) {
            throw new IllegalArgumentException("No value given for " + name);
        }
        return given.get(name);
    }

    @SuppressWarnings("unchecked")
    private String sub(Object argument) {
        String text;
        Map<String, Object> variables = Map.of();
        if (argument instanceof List<?> list) {
            text = String.valueOf(list.get(0));
            variables = (Map<String, Object>) list.get(1);
        } else {
            text = String.valueOf(argument);
        }
        Matcher m = SUB.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            Object value = variables.containsKey(name) ? value(variables.get(name))
                    : name.contains(".") && !name.startsWith("AWS::") ? lookUp(name) : ref(name);
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(value)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
