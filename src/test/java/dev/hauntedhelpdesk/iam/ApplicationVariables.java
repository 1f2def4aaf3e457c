package dev.hauntedhelpdesk.iam;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which environment variable sets which application property, read from the application's own
 * {@code application.properties} ({@code helpdesk.table-name=${DYNAMODB_TABLE_NAME:}}), so a template's
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
        try (InputStream in = ApplicationVariables.class.getClassLoader().getResourceAsStream("application.properties")) {
            if (in == null) {
                throw new IllegalStateException("application.properties is not on the classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            Map<String, Property> byVariable = new LinkedHashMap<>();
            for (String key : new TreeSet<>(properties.stringPropertyNames())) {
                Matcher m = PLACEHOLDER.matcher(properties.getProperty(key).trim());
                if (m.matches()) {
                    String fallback = m.group(2) == null ? null : m.group(2).replaceAll("^`(.*)`$", "$1");
                    byVariable.put(m.group(1), new Property(key, fallback));
                }
            }
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
}
