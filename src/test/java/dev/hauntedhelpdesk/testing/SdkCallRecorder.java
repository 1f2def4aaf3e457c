package dev.hauntedhelpdesk.testing;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.signer.AwsSignerExecutionAttribute;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Records every AWS SDK operation the application performs under a runtime role, so a test can
 * hold the calls against the role's IAM policy. Loaded by the SDK into every client it builds,
 * presigners included, through {@code software/amazon/awssdk/global/handlers/execution.interceptors}
 * on the test classpath; nothing in the application knows of it.
 *
 * <p>A test runtime names the role of the application context it builds with {@link #as}, which
 * gives the context credentials carrying the role in their session token, as a role's own
 * temporary credentials would. Calls signed otherwise (the tests' own clients) are not recorded.
 * Each distinct call becomes one line of {@code key=value} fields in a file under the directory
 * the system property {@value #DIRECTORY_PROPERTY} names; without it nothing is written.
 */
public final class SdkCallRecorder implements ExecutionInterceptor {

    /** The system property naming the directory the record goes to. */
    public static final String DIRECTORY_PROPERTY = "sdk.calls.dir";
    /** The session token of a recorded context: this prefix, the role, a dot, a sequence number. */
    public static final String TOKEN_PREFIX = "role.";

    private static final AtomicInteger CONTEXTS = new AtomicInteger();
    private static final Set<String> WRITTEN = ConcurrentHashMap.newKeySet();
    private static final Path FILE = file();

    /**
     * The given application properties, plus credentials that make every SDK call of the
     * context they configure count as a call by {@code role}.
     *
     * @param role the role as the template names it, e.g. {@code ApiFunction}
     * @param properties the context's other properties; not changed
     * @return a new map with {@code aws.session-token} (and dummy keys unless already set)
     */
    public static Map<String, Object> as(String role, Map<String, Object> properties) {
        if (role.isBlank() || role.contains(".")) {
            throw new IllegalArgumentException("A role name without dots, as the template names it: " + role);
        }
        Map<String, Object> withRole = new LinkedHashMap<>(properties);
        withRole.putIfAbsent("aws.access-key-id", LocalAws.ACCESS_KEY_ID);
        withRole.putIfAbsent("aws.secret-key", LocalAws.SECRET_KEY);
        withRole.put("aws.session-token", TOKEN_PREFIX + role + "." + CONTEXTS.incrementAndGet());
        return withRole;
    }

    /** The role a session token made by {@link #as} names, or {@code null} for any other token. */
    static String role(String sessionToken) {
        if (sessionToken == null || !sessionToken.startsWith(TOKEN_PREFIX)) {
            return null;
        }
        String rest = sessionToken.substring(TOKEN_PREFIX.length());
        int dot = rest.indexOf('.');
        return dot <= 0 ? null : rest.substring(0, dot);
    }

    /**
     * After marshalling, because by then the auth scheme interceptors have resolved the
     * credentials, in a client as in a presigner (which runs the global interceptors first).
     */
    @Override
    @SuppressWarnings("deprecation") // the public view of the resolved identity
    public void afterMarshalling(Context.AfterMarshalling context, ExecutionAttributes attributes) {
        AwsCredentials credentials = attributes.getAttribute(AwsSignerExecutionAttribute.AWS_CREDENTIALS);
        if (!(credentials instanceof AwsSessionCredentials session) || role(session.sessionToken()) == null) {
            return;
        }
        Map<String, String> common = new LinkedHashMap<>();
        common.put("kind", "call");
        common.put("context", session.sessionToken());
        common.put("role", role(session.sessionToken()));
        common.put("service", attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME));
        common.put("operation", attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        Region region = attributes.getAttribute(AwsExecutionAttribute.AWS_REGION);
        common.put("region", region == null ? "" : region.id());
        // The presigner sets an expiry; the URL it signs is sent later by someone else.
        common.put("presigned", Boolean.toString(
                attributes.getAttribute(AwsSignerExecutionAttribute.PRESIGNER_EXPIRATION) != null));
        common.put("caller", caller());
        List<Map<String, String>> parts;
        try {
            parts = parts(context.request());
        } catch (RuntimeException e) {
            // Never change what the application sees; the check fails on this line instead.
            common.put("kind", "error");
            common.put("error", e.toString());
            write(common);
            return;
        }
        for (Map<String, String> part : parts) {
            Map<String, String> line = new LinkedHashMap<>(common);
            line.putAll(part);
            write(line);
        }
    }

    /**
     * The resources a request names. A request that names several (a transaction, a batch)
     * becomes one part per item, each with the kind of item it is, since IAM authorises each.
     */
    private static List<Map<String, String>> parts(SdkRequest request) {
        List<Map<String, String>> parts = new ArrayList<>();
        if (request instanceof TransactWriteItemsRequest transaction) {
            for (TransactWriteItem item : transaction.transactItems()) {
                if (item.put() != null) {
                    parts.add(Map.of("part", "Put", "table", item.put().tableName()));
                }
                if (item.update() != null) {
                    parts.add(Map.of("part", "Update", "table", item.update().tableName()));
                }
                if (item.delete() != null) {
                    parts.add(Map.of("part", "Delete", "table", item.delete().tableName()));
                }
                if (item.conditionCheck() != null) {
                    parts.add(Map.of("part", "ConditionCheck", "table", item.conditionCheck().tableName()));
                }
            }
            return parts;
        }
        if (request instanceof BatchGetItemRequest batch) {
            batch.requestItems().keySet().forEach(table -> parts.add(Map.of("table", table)));
            return parts;
        }
        if (request instanceof BatchWriteItemRequest batch) {
            batch.requestItems().forEach((table, writes) -> writes.forEach(write -> parts.add(Map.of(
                    "part", write.putRequest() != null ? "Put" : "Delete", "table", table))));
            return parts;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : List.of("TableName", "IndexName", "Bucket", "Key", "QueueUrl", "ModelId")) {
            // Services spell member names either way (S3 "Bucket", Bedrock "modelId"); only
            // string-valued fields name resources (DynamoDB's Key is the item's key, a map).
            String lower = Character.toLowerCase(field.charAt(0)) + field.substring(1);
            request.getValueForField(field, Object.class).or(() -> request.getValueForField(lower, Object.class))
                    .filter(String.class::isInstance)
                    .ifPresent(value -> fields.put(field, (String) value));
        }
        Map<String, String> part = new LinkedHashMap<>();
        copy(fields, "TableName", part, "table");
        copy(fields, "IndexName", part, "index");
        copy(fields, "Bucket", part, "bucket");
        copy(fields, "Key", part, "key");
        copy(fields, "QueueUrl", part, "queue");
        copy(fields, "ModelId", part, "model");
        parts.add(part);
        return parts;
    }

    private static void copy(Map<String, String> from, String field, Map<String, String> to, String name) {
        String value = from.get(field);
        if (value != null) {
            to.put(name, value);
        }
    }

    /**
     * The innermost application frame making the call ({@code HelpdeskTable.createIfMissing}), so
     * a check can tell calls made only because of a test setting from the rest. Sync clients run
     * interceptors on the calling thread.
     */
    private static String caller() {
        return StackWalker.getInstance().walk(frames -> frames
                .filter(f -> f.getClassName().startsWith("dev.hauntedhelpdesk.")
                        && !f.getClassName().startsWith(SdkCallRecorder.class.getPackageName() + "."))
                .findFirst()
                .map(f -> f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1) + "." + f.getMethodName())
                .orElse(""));
    }

    /** Writes one line of the record (a call, or a context's settings), the first time it occurs. */
    static void write(Map<String, String> fields) {
        StringBuilder line = new StringBuilder();
        fields.forEach((k, v) -> {
            if (!line.isEmpty()) {
                line.append('\t');
            }
            line.append(k).append('=').append(clean(v));
        });
        String text = line.toString();
        if (FILE == null || !WRITTEN.add(text)) {
            return;
        }
        // Each new line goes out at once, so the record survives however the JVM ends.
        synchronized (SdkCallRecorder.class) {
            try {
                Files.writeString(FILE, text + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write the SDK call record " + FILE, e);
            }
        }
    }

    private static String clean(String value) {
        return value == null ? "" : value.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    private static Path file() {
        String directory = System.getProperty(DIRECTORY_PROPERTY);
        if (directory == null || directory.isBlank()) {
            return null;
        }
        try {
            Path dir = Files.createDirectories(Path.of(directory));
            return dir.resolve("calls-" + UUID.randomUUID() + ".tsv");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + directory, e);
        }
    }
}
