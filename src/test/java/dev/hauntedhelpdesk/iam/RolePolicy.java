package dev.hauntedhelpdesk.iam;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A role's inline policy as a template writes it, and the resources it names resolved for one
 * deployment: the names the application context under test was given through the very variables
 * the template sets ({@code DYNAMODB_TABLE_NAME: !Ref HelpdeskTable} makes
 * {@code !GetAtt HelpdeskTable.Arn} the ARN of the table the context used). Each runtime's test
 * reads its own template's role into one ({@code Policies} of a SAM function, or of an
 * {@code AWS::IAM::Role}) with the environment the role's code runs with.
 *
 * <p>Only plain {@code Allow} statements with {@code Action} and {@code Resource} are read;
 * anything else (managed policies, SAM policy templates, {@code Deny}, {@code NotAction},
 * conditions, wildcard actions) fails, since this check could not tell what it grants.
 */
public final class RolePolicy {

    /** One statement; {@code resources} are still template values (strings or intrinsics). */
    public record Statement(String sid, List<String> actions, List<Object> resources) {

        boolean grants(String action) {
            return actions.stream().anyMatch(a -> a.equalsIgnoreCase(action));
        }

        @Override
        public String toString() {
            return sid == null ? "statement " + actions : "statement " + sid;
        }
    }

    private static final Set<String> STATEMENT_KEYS = Set.of("Sid", "Effect", "Action", "Resource");
    private static final Pattern SUB = Pattern.compile("\\$\\{(!?)([^}]+)}");

    private final List<Statement> statements;
    private final Map<String, Object> environment;
    private final Function<String, String> resourceTypes;

    private RolePolicy(List<Statement> statements, Map<String, Object> environment,
                       Function<String, String> resourceTypes) {
        this.statements = statements;
        this.environment = environment;
        this.resourceTypes = resourceTypes;
    }

    /**
     * A role's policy.
     *
     * @param role the role's name in the template, for messages
     * @param documents the policy documents (maps with {@code Statement} and perhaps {@code Version})
     * @param environment the variables the role's code runs with, as template values
     * @param resourceTypes the {@code Type} of the template's resource by logical id (for {@code Fn::GetAtt X.Arn})
     */
    public static RolePolicy of(String role, List<?> documents, Map<String, Object> environment,
                                Function<String, String> resourceTypes) {
        List<Statement> statements = new ArrayList<>();
        for (Object policy : documents) {
            if (!(policy instanceof Map<?, ?> document) || !document.containsKey("Statement")
                    || !Set.of("Statement", "Version").containsAll(document.keySet())) {
                throw new IllegalArgumentException(role + ": a policy other than an inline statement list ("
                        + policy + "); managed policies and SAM policy templates grant what this check cannot see");
            }
            for (Object statement : list(document.get("Statement"))) {
                statements.add(statement(role, statement));
            }
        }
        return new RolePolicy(statements, new LinkedHashMap<>(environment), resourceTypes);
    }

    private static Statement statement(String role, Object raw) {
        if (!(raw instanceof Map<?, ?> map) || !STATEMENT_KEYS.containsAll(map.keySet())) {
            throw new IllegalArgumentException(role + ": statement with keys beyond " + STATEMENT_KEYS + ": " + raw);
        }
        if (!"Allow".equals(map.get("Effect"))) {
            throw new IllegalArgumentException(role + ": only Allow statements are understood: " + raw);
        }
        List<String> actions = new ArrayList<>();
        for (Object action : list(map.get("Action"))) {
            String name = String.valueOf(action);
            // A wildcard grants actions nobody listed, which "nothing unused" cannot allow.
            if (name.contains("*") || name.contains("?") || !name.contains(":")) {
                throw new IllegalArgumentException(role + ": name each action; " + name + " is not one");
            }
            actions.add(name);
        }
        List<Object> resources = list(map.get("Resource"));
        if (actions.isEmpty() || resources.isEmpty()) {
            throw new IllegalArgumentException(role + ": statement without actions or resources: " + raw);
        }
        Object sid = map.get("Sid");
        return new Statement(sid == null ? null : String.valueOf(sid), actions, resources);
    }

    public List<Statement> statements() {
        return statements;
    }

    /** The variables the role's code runs with, as template values. */
    public Map<String, Object> environment() {
        return environment;
    }

    /** Whether an IAM resource pattern ({@code *} any run of characters, {@code ?} one) matches an ARN. */
    public static boolean matches(String pattern, String arn) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return arn.matches(regex.toString());
    }

    /** A deployment as one recorded context saw it: its region and the settings it was given. */
    public Deployment deployment(String region, Map<String, String> settings, ApplicationVariables variables) {
        return new Deployment(region, settings, variables);
    }

    /** Resolves template values for one context. */
    public final class Deployment {

        private final String region;
        private final Map<String, String> settings;
        private final ApplicationVariables variables;

        private Deployment(String region, Map<String, String> settings, ApplicationVariables variables) {
            this.region = region;
            this.settings = settings;
            this.variables = variables;
        }

        /**
         * A statement resource as an ARN pattern, or empty when it names something this
         * deployment does not bind (a resource whose name reaches the code through no
         * variable, or a variable the context left empty).
         */
        public Optional<String> resolve(Object value) {
            if (value instanceof String s) {
                return Optional.of(s);
            }
            if (value instanceof Map<?, ?> intrinsic && intrinsic.size() == 1) {
                Object key = intrinsic.keySet().iterator().next();
                Object argument = intrinsic.get(key);
                switch (String.valueOf(key)) {
                    case "Ref" -> {
                        return ref(String.valueOf(argument));
                    }
                    case "Fn::GetAtt" -> {
                        List<Object> parts = argument instanceof List<?> l ? new ArrayList<>(l)
                                : List.of((Object[]) String.valueOf(argument).split("\\.", 2));
                        return getAtt(String.valueOf(parts.get(0)), String.valueOf(parts.get(1)));
                    }
                    case "Fn::Sub" -> {
                        if (!(argument instanceof String text)) {
                            throw new IllegalArgumentException("Only the one-string form of Fn::Sub is read: " + value);
                        }
                        return sub(text);
                    }
                    default -> throw new IllegalArgumentException("Unsupported in a policy resource: " + value);
                }
            }
            throw new IllegalArgumentException("Unsupported in a policy resource: " + value);
        }

        private Optional<String> sub(String text) {
            Matcher m = SUB.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                Optional<String> replacement;
                if (!m.group(1).isEmpty()) {
                    replacement = Optional.of("${" + m.group(2) + "}"); // ${!Literal}
                } else if (m.group(2).contains(".") && !m.group(2).startsWith("AWS::")) {
                    String[] parts = m.group(2).split("\\.", 2);
                    replacement = getAtt(parts[0], parts[1]);
                } else {
                    replacement = ref(m.group(2));
                }
                if (replacement.isEmpty()) {
                    return Optional.empty();
                }
                m.appendReplacement(out, Matcher.quoteReplacement(replacement.get()));
            }
            m.appendTail(out);
            return Optional.of(out.toString());
        }

        /**
         * A pseudo parameter, or the value the context was given for the variable the template
         * sets to {@code !Ref logicalId}.
         */
        Optional<String> ref(String logicalId) {
            switch (logicalId) {
                case "AWS::Region" -> {
                    return Optional.of(region);
                }
                case "AWS::AccountId" -> {
                    return Optional.of(IamActions.ACCOUNT);
                }
                case "AWS::Partition" -> {
                    return Optional.of("aws");
                }
                case "AWS::URLSuffix" -> {
                    return Optional.of("amazonaws.com");
                }
                default -> {
                    // fall through to the variables
                }
            }
            for (Map.Entry<String, Object> variable : environment.entrySet()) {
                if (variable.getValue() instanceof Map<?, ?> v && v.size() == 1 && logicalId.equals(v.get("Ref"))) {
                    Optional<String> value = variables.property(variable.getKey())
                            .map(p -> settings.get(p.key()))
                            .filter(s -> !s.isBlank());
                    if (value.isPresent()) {
                        return value;
                    }
                }
            }
            return Optional.empty();
        }

        private Optional<String> getAtt(String logicalId, String attribute) {
            if (!"Arn".equals(attribute)) {
                throw new IllegalArgumentException("Only Fn::GetAtt X.Arn is read: " + logicalId + "." + attribute);
            }
            String type = resourceTypes.apply(logicalId);
            return ref(logicalId).map(name -> switch (type) {
                case "AWS::DynamoDB::Table" -> IamActions.table(region, name);
                case "AWS::S3::Bucket" -> "arn:aws:s3:::" + name;
                // A queue's Ref is its URL.
                case "AWS::SQS::Queue" -> IamActions.queueArn(region, name);
                default -> throw new IllegalArgumentException("No ARN rule for " + type + " (" + logicalId + ")");
            });
        }
    }

    private static List<Object> list(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> l ? new ArrayList<>(l) : List.of(value);
    }
}
