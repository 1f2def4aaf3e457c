package dev.hauntedhelpdesk.lambda;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code lambda/template.yaml} as plain maps and lists, so tests can hold the code against what
 * is deployed. CloudFormation's short-form intrinsics ({@code !Ref X}, {@code !GetAtt X.Arn},
 * {@code !Sub ...}) are read as one-entry maps in their long form ({@code {Ref: X}},
 * {@code {Fn::GetAtt: X.Arn}}), as CloudFormation itself reads them.
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

    @SuppressWarnings("unchecked")
    static SamTemplate load(Path path) {
        try (Reader reader = Files.newBufferedReader(path)) {
            return new SamTemplate((Map<String, Object>) new Yaml(new IntrinsicConstructor()).load(reader));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + path.toAbsolutePath(), e);
        }
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

    /** Reads every {@code !Tag value} as {@code {Fn::Tag: value}} ({@code !Ref} as {@code {Ref: value}}). */
    private static final class IntrinsicConstructor extends SafeConstructor {

        IntrinsicConstructor() {
            super(new LoaderOptions());
            for (String name : List.of("Ref", "Condition")) {
                yamlConstructors.put(new Tag("!" + name), new Intrinsic(name));
            }
            for (String name : List.of("GetAtt", "Sub", "Join", "Split", "Select", "If", "Equals", "Not", "And",
                    "Or", "FindInMap", "GetAZs", "ImportValue", "Base64", "Cidr", "Transform")) {
                yamlConstructors.put(new Tag("!" + name), new Intrinsic("Fn::" + name));
            }
        }

        private final class Intrinsic extends AbstractConstruct {
            private final String key;

            Intrinsic(String key) {
                this.key = key;
            }

            @Override
            public Object construct(Node node) {
                Object value = switch (node) {
                    case ScalarNode scalar -> constructScalar(scalar);
                    case SequenceNode sequence -> constructSequence(sequence);
                    case MappingNode mapping -> constructMapping(mapping);
                    default -> throw new IllegalStateException("Unexpected node " + node);
                };
                Map<String, Object> intrinsic = new LinkedHashMap<>();
                intrinsic.put(key, value);
                return intrinsic;
            }
        }
    }
}
