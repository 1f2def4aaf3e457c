package dev.hauntedhelpdesk.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.env.MapPropertySource;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.PropertySourcePropertyResolver;
import io.micronaut.context.env.PropertiesPropertySourceLoader;
import io.micronaut.core.io.scan.ClassPathResourceLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Holds the configuration reference in src/README.md to the code: its table lists exactly the
 * variables {@link SettingsLoader} reads, and its defaults are application.properties's. The README is
 * the one place defaults are written for people, so it must not drift from the one place the
 * code takes them from.
 */
class ConfigurationReferenceTest {

    private static final String TABLE_HEADER = "| variable | default | required | meaning |";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):`?([^`}]*)`?}");

    @Test
    void configurationTable_listsEveryVariableSettingsLoaderReads_andNoOther() {
        Set<String> read = variablesTheLoaderReads();
        Set<String> documented = new TreeSet<>(configurationTable().keySet());

        Set<String> undocumented = new TreeSet<>(read);
        undocumented.removeAll(documented);
        Set<String> notRead = new TreeSet<>(documented);
        notRead.removeAll(read);
        assertTrue(undocumented.isEmpty() && notRead.isEmpty(),
                "read by SettingsLoader but missing from src/README.md's configuration table: " + undocumented
                        + "; in the table but not read by SettingsLoader: " + notRead);
    }

    @Test
    void applicationProperties_mapsExactlyTheVariablesSettingsLoaderReads() {
        // The loader names variables in its messages, application.properties maps them to helpdesk.* keys:
        // a variable in one and not the other would be documented but never take effect.
        assertEquals(variablesTheLoaderReads(), new TreeSet<>(propertiesDefaults().keySet()));
    }

    @Test
    void configurationTable_statesTheApplicationPropertiesDefaults() {
        Map<String, String> table = configurationTable();
        List<String> wrong = new ArrayList<>();
        propertiesDefaults().forEach((variable, fallback) -> {
            String cell = table.get(variable);
            if (cell == null) {
                return; // reported by the test above
            }
            boolean literal = cell.matches("`[^`]*`");
            if (fallback.isEmpty() ? literal : !cell.equals("`" + fallback + "`")) {
                wrong.add(variable + ": the table says " + cell + ", application.properties "
                        + (fallback.isEmpty() ? "has no default" : "'" + fallback + "'"));
            }
        });
        assertTrue(wrong.isEmpty(), String.join("; ", wrong));
    }

    private static Set<String> variablesTheLoaderReads() {
        Map<String, Object> required = new HashMap<>(Map.of(
                "helpdesk.table-name", "helpdesk-tickets",
                "helpdesk.cognito.user-pool-id", "eu-west-1_AbC123",
                "helpdesk.cognito.client-ids", "client-a"));
        SettingsLoader loader = new SettingsLoader(
                new PropertySourcePropertyResolver(applicationProperties(), MapPropertySource.of("required", required)));
        loader.load();
        return new TreeSet<>(loader.variablesRead());
    }

    /** Variable to its default in application.properties ("" when it has none), for the helpdesk.* keys. */
    private static Map<String, String> propertiesDefaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        PropertySource properties = applicationProperties();
        for (String key : properties) {
            Object value = properties.get(key);
            if (key.startsWith("helpdesk.") && value != null) {
                Matcher m = PLACEHOLDER.matcher(value.toString());
                if (m.matches()) {
                    defaults.put(m.group(1), m.group(2));
                }
            }
        }
        return defaults;
    }

    /** The rows of the "Configuration" table: each variable named in a row's first cell, to its default cell. */
    private static Map<String, String> configurationTable() {
        List<String> lines;
        try {
            lines = Files.readAllLines(readme());
        } catch (IOException e) {
            throw new AssertionError("cannot read the configuration reference " + readme(), e);
        }
        int header = lines.indexOf(TABLE_HEADER);
        assertTrue(header >= 0, readme() + " has no configuration table headed " + TABLE_HEADER);
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : lines.subList(header + 2, lines.size())) {
            if (!line.startsWith("|")) {
                break;
            }
            String[] cells = line.split("\\|");
            for (String name : cells[1].split(",")) {
                rows.put(name.strip().replace("`", ""), cells[2].strip());
            }
        }
        return rows;
    }

    /** src/README.md; surefire runs in the module's directory, an IDE may run in the repository's. */
    private static Path readme() {
        return Files.isDirectory(Path.of("main", "java", "dev", "hauntedhelpdesk"))
                ? Path.of("README.md") : Path.of("src", "README.md");
    }

    private static PropertySource applicationProperties() {
        return new PropertiesPropertySourceLoader()
                .load("application", ClassPathResourceLoader.defaultLoader(ConfigurationReferenceTest.class.getClassLoader()))
                .orElseThrow(() -> new AssertionError("application.properties is not on the test class path"));
    }
}
