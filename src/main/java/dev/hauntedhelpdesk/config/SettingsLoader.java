package dev.hauntedhelpdesk.config;

import io.micronaut.core.value.PropertyResolver;
import io.micronaut.context.exceptions.ConfigurationException;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads every setting (environment variables mapped to {@code helpdesk.*} in application.properties),
 * checks all of them, and fails once with a message naming every bad variable, so a broken
 * deployment is fixed in one round trip instead of one variable at a time.
 */
final class SettingsLoader {

    private static final Pattern POOL_ID = Pattern.compile("[\\w-]+_[0-9A-Za-z]+");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
    /** S3's naming rules for general purpose buckets, in short: 3-63 of [a-z0-9.-], alphanumeric ends. */
    private static final Pattern S3_BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern ORIGIN = Pattern.compile("\\*|https?://[^/\\s]+");

    /** Default lease beyond EXECUTION_TIMEOUT: time to write the outcome after the last step. */
    static final int LEASE_GRACE_SECONDS = 30;

    private final PropertyResolver properties;
    private final List<String> problems = new ArrayList<>();
    private final Set<String> variablesRead = new TreeSet<>();

    SettingsLoader(PropertyResolver properties) {
        this.properties = properties;
    }

    HelpdeskSettings load() {
        String region = matching("region", "AWS_DEFAULT_REGION", REGION, "an AWS region such as us-east-1");
        String tableName = required("table-name", "DYNAMODB_TABLE_NAME", "the DynamoDB table name");
        // Read by TableBootstrap's @Requires on the property; checked here with the rest.
        bool("create-table", "DYNAMODB_CREATE_TABLE");
        String apiHost = required("api-host", "API_HOST", "the address to bind, such as 0.0.0.0");
        int apiPort = integer("api-port", "API_PORT", 1, 65535);
        List<String> corsOrigins = list("cors-origins", "CORS_ORIGINS");
        for (String origin : corsOrigins) {
            if (!ORIGIN.matcher(origin).matches()) {
                problems.add("CORS_ORIGINS: expected comma-separated origins such as https://app.example.com, got '"
                        + origin + "'");
            }
        }
        Path uploadDir = path("upload-dir", "UPLOAD_DIR");
        int maxUpload = integer("max-upload-size-mb", "MAX_UPLOAD_SIZE_MB", 1, 100);
        HelpdeskSettings.Attachments attachments = attachments();
        int maxHandoffs = integer("max-handoffs", "MAX_HANDOFFS", 1, 50);
        int timeoutSeconds = integer("execution-timeout", "EXECUTION_TIMEOUT", 1, 900);
        String modelId = required("bedrock-model-id", "BEDROCK_MODEL_ID", "a Bedrock model or inference profile id");
        HelpdeskSettings.Triage triage = triage(timeoutSeconds);

        String poolId = matching("cognito.user-pool-id", "COGNITO_USER_POOL_ID", POOL_ID,
                "a Cognito user pool id such as us-east-1_AbC123");
        String cognitoRegion = raw("cognito.region", "COGNITO_REGION").orElse("");
        if (cognitoRegion.isBlank()) {
            cognitoRegion = poolId != null && poolId.contains("_") ? poolId.substring(0, poolId.indexOf('_')) : region;
        } else if (!REGION.matcher(cognitoRegion).matches()) {
            problems.add("COGNITO_REGION: expected an AWS region such as us-east-1, got '" + cognitoRegion + "'");
        }
        List<String> clientIds = list("cognito.client-ids", "COGNITO_APP_CLIENT_IDS");
        if (clientIds.isEmpty()) {
            problems.add("COGNITO_APP_CLIENT_IDS: required, the comma-separated app client ids whose tokens are accepted");
        }
        URI jwksUrl = null;
        String jwks = raw("cognito.jwks-url", "COGNITO_JWKS_URL").orElse("");
        if (jwks.isBlank()) {
            if (poolId != null && cognitoRegion != null) {
                jwksUrl = URI.create("https://cognito-idp." + cognitoRegion + ".amazonaws.com/" + poolId
                        + "/.well-known/jwks.json");
            }
        } else {
            jwksUrl = parse(jwks, "COGNITO_JWKS_URL", "an http(s) URL", SettingsLoader::httpUri);
        }

        HelpdeskSettings.Jwks jwksFetching = new HelpdeskSettings.Jwks(
                Duration.ofSeconds(integer("cognito.jwks-connect-timeout", "COGNITO_JWKS_CONNECT_TIMEOUT", 1, 30)),
                Duration.ofSeconds(integer("cognito.jwks-read-timeout", "COGNITO_JWKS_READ_TIMEOUT", 1, 30)),
                Duration.ofSeconds(integer("cognito.jwks-cache-ttl", "COGNITO_JWKS_CACHE_TTL", 2, 86400)),
                Duration.ofSeconds(integer("cognito.jwks-failure-cache", "COGNITO_JWKS_FAILURE_CACHE", 1, 600)));
        Duration clockLeeway = Duration.ofSeconds(integer("cognito.clock-leeway", "TOKEN_CLOCK_LEEWAY", 0, 300));

        if (!problems.isEmpty()) {
            throw new ConfigurationException("Invalid configuration, fix these environment variables: "
                    + String.join("; ", problems));
        }
        return new HelpdeskSettings(tableName, region, apiHost, apiPort, corsOrigins, uploadDir,
                maxUpload, maxHandoffs, Duration.ofSeconds(timeoutSeconds), modelId,
                new HelpdeskSettings.Cognito(cognitoRegion, poolId, clientIds, jwksUrl, jwksFetching, clockLeeway),
                attachments, triage);
    }

    private HelpdeskSettings.Triage triage(int timeoutSeconds) {
        HelpdeskSettings.TriageEngineKind engine = choice("triage.engine", "TRIAGE_ENGINE",
                HelpdeskSettings.TriageEngineKind.class, HelpdeskSettings.TriageEngineKind.LOCAL);
        int stepSeconds = integer("triage.step-timeout", "TRIAGE_STEP_TIMEOUT", 1, 300);
        int window = integer("triage.repetition-window", "TRIAGE_REPETITION_WINDOW", 2, 10);
        boolean onCreate = bool("triage.on-create", "TRIAGE_ON_CREATE", "true");
        String queue = raw("triage.queue-url", "TRIAGE_QUEUE_URL").orElse("");
        String queueUrl = null;
        if (!queue.isEmpty()) {
            URI uri = parse(queue, "TRIAGE_QUEUE_URL", "an SQS queue URL such as "
                    + "https://sqs.us-east-1.amazonaws.com/123456789012/helpdesk-triage", SettingsLoader::httpUri);
            queueUrl = uri == null ? null : queue;
        }
        int workers = integer("triage.workers", "TRIAGE_WORKERS", 1, 64);
        int capacity = integer("triage.queue-capacity", "TRIAGE_QUEUE_CAPACITY", 1, 10000);
        int leaseSeconds = timeoutSeconds + LEASE_GRACE_SECONDS;
        if (!raw("triage.lease", "TRIAGE_LEASE").orElse("").isEmpty()) {
            leaseSeconds = integer("triage.lease", "TRIAGE_LEASE", 2, 3600);
            if (leaseSeconds <= timeoutSeconds) {
                problems.add("TRIAGE_LEASE: expected more seconds than EXECUTION_TIMEOUT (" + timeoutSeconds
                        + "), got '" + leaseSeconds + "'");
            }
        }
        int maxWait = integer("triage.max-wait", "TRIAGE_MAX_WAIT", 0, 900);
        return new HelpdeskSettings.Triage(engine, Duration.ofSeconds(stepSeconds), window, onCreate, queueUrl,
                workers, capacity, Duration.ofSeconds(leaseSeconds), Duration.ofSeconds(maxWait));
    }

    private HelpdeskSettings.Attachments attachments() {
        HelpdeskSettings.AttachmentStore store = choice("attachment-store", "ATTACHMENT_STORE",
                HelpdeskSettings.AttachmentStore.class, HelpdeskSettings.AttachmentStore.FILESYSTEM);
        String bucket = raw("attachment-bucket", "ATTACHMENT_BUCKET").orElse("");
        if (store == HelpdeskSettings.AttachmentStore.S3 && !S3_BUCKET.matcher(bucket).matches()) {
            problems.add("ATTACHMENT_BUCKET: required with ATTACHMENT_STORE=s3, an S3 bucket name such as "
                    + "helpdesk-attachments, got '" + bucket + "'");
        }
        int maxFiles = integer("max-files-per-request", "MAX_FILES_PER_REQUEST", 1, 20);
        return new HelpdeskSettings.Attachments(store,
                store == HelpdeskSettings.AttachmentStore.S3 ? bucket : null, maxFiles);
    }

    /**
     * The environment variables this loader has read, by the names its messages give them (each
     * {@code helpdesk.*} key is read under the variable application.properties maps it from); the
     * configuration reference in src/README.md is checked against this.
     */
    Set<String> variablesRead() {
        return Set.copyOf(variablesRead);
    }

    private java.util.Optional<String> raw(String key, String variable) {
        variablesRead.add(variable);
        return properties.get("helpdesk." + key, String.class).map(String::trim);
    }

    private String required(String key, String variable, String expected) {
        String value = raw(key, variable).orElse("");
        if (value.isEmpty()) {
            problems.add(variable + ": required, " + expected);
            return null;
        }
        return value;
    }

    private String matching(String key, String variable, Pattern pattern, String expected) {
        String value = required(key, variable, expected);
        if (value != null && !pattern.matcher(value).matches()) {
            problems.add(variable + ": expected " + expected + ", got '" + value + "'");
            return null;
        }
        return value;
    }

    private int integer(String key, String variable, int min, int max) {
        String value = required(key, variable, "an integer from " + min + " to " + max);
        if (value == null) {
            return min;
        }
        Integer parsed = parse(value, variable, "an integer from " + min + " to " + max, Integer::valueOf);
        if (parsed != null && (parsed < min || parsed > max)) {
            problems.add(variable + ": expected an integer from " + min + " to " + max + ", got '" + value + "'");
        }
        return parsed == null ? min : parsed;
    }

    /** One of an enum's constants, by lower-case name; invalid values are reported and fall back. */
    private <E extends Enum<E>> E choice(String key, String variable, Class<E> type, E fallback) {
        String value = raw(key, variable).orElse("");
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        String expected = Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(" or "));
        problems.add(variable + ": expected " + expected + ", got '" + value + "'");
        return fallback;
    }

    private boolean bool(String key, String variable) {
        return bool(key, variable, "false");
    }

    private boolean bool(String key, String variable, String fallback) {
        String value = raw(key, variable).orElse(fallback);
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            problems.add(variable + ": expected true or false, got '" + value + "'");
        }
        return value.equalsIgnoreCase("true");
    }

    private Path path(String key, String variable) {
        String value = required(key, variable, "a directory path");
        return value == null ? null : parse(value, variable, "a directory path", Path::of);
    }

    private List<String> list(String key, String variable) {
        return raw(key, variable).map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    private <T> T parse(String value, String variable, String expected, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            problems.add(variable + ": expected " + expected + ", got '" + value + "'");
            return null;
        }
    }

    private static URI httpUri(String value) {
        URI uri = URI.create(value);
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("not http(s)");
        }
        return uri;
    }
}
