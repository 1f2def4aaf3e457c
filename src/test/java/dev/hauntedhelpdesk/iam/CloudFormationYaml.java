package dev.hauntedhelpdesk.iam;

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
 * A CloudFormation or SAM template as plain maps and lists. The short-form intrinsics
 * ({@code !Ref X}, {@code !GetAtt X.Arn}, {@code !Sub ...}) are read as one-entry maps in their
 * long form ({@code {Ref: X}}, {@code {Fn::GetAtt: X.Arn}}), as CloudFormation itself reads them.
 */
public final class CloudFormationYaml {

    private CloudFormationYaml() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> read(Path path) {
        try (Reader reader = Files.newBufferedReader(path)) {
            return (Map<String, Object>) new Yaml(new IntrinsicConstructor()).load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + path.toAbsolutePath(), e);
        }
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
