package dev.hauntedhelpdesk.iam;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which environment variable sets which application property, read from the application's own
 * {@code application.yml} ({@code helpdesk.table-name: ${DYNAMODB_TABLE_NAME:}}), so a template's
 * variables can be followed to the settings the code reads.
 */
public final class ApplicationVariables {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::(.*))?}");

    /** Variable name to the property it sets and the property's default when it is unset. */
    private final Map<String, Property> byVariable;

    public record Property(String key, String defaultValue) {
    }

    private ApplicationVariables(Map<String, Property> byVariable) {
        this.byVariable = byVariable;
    }

    public static ApplicationVariables load() {
        try (InputStream in = ApplicationVariables.class.getClassLoader().getResourceAsStream("application.yml")) {
            if (in == null) {
                throw new IllegalStateException("application.yml is not on the classpath");
            }
            Object yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            Map<String, Property> byVariable = new LinkedHashMap<>();
            flatten("", yaml, byVariable);
            return new ApplicationVariables(byVariable);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The property a variable sets, if the application reads it. */
    public Optional<Property> property(String variable) {
        return Optional.ofNullable(byVariable.get(variable));
    }

    /** The variable that sets a property, if any. */
    public Optional<String> variable(String propertyKey) {
        return byVariable.entrySet().stream().filter(e -> e.getValue().key().equals(propertyKey))
                .map(Map.Entry::getKey).findFirst();
    }

    private static void flatten(String prefix, Object node, Map<String, Property> byVariable) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, byVariable));
        } else if (node instanceof String value) {
            Matcher m = PLACEHOLDER.matcher(value.trim());
            if (m.matches()) {
                String fallback = m.group(2) == null ? null : m.group(2).replaceAll("^`(.*)`$", "$1");
                byVariable.put(m.group(1), new Property(prefix, fallback));
            }
        }
    }
}
