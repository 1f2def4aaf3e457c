package dev.hauntedhelpdesk.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The service's effective configuration, read once from the environment and validated as a whole
 * by {@link SettingsLoader}. Every other bean takes its settings from here, never from the raw
 * environment.
 */
public record HelpdeskSettings(
        String tableName,
        String region,
        String apiHost,
        int apiPort,
        List<String> corsOrigins,
        Path uploadDir,
        int maxUploadSizeMb,
        int maxHandoffs,
        Duration executionTimeout,
        String bedrockModelId,
        Cognito cognito,
        Attachments attachments,
        Triage triage) {

    /** Which engine the triage team runs on: in-process with no network, or Amazon Bedrock. */
    public enum TriageEngineKind { LOCAL, BEDROCK }

    /**
     * Triage settings beyond {@code MAX_HANDOFFS} and {@code EXECUTION_TIMEOUT}: the engine, the
     * per-step timeout, the repetition window that stops ping-pong, whether a new ticket is
     * triaged at once, the SQS queue that carries tickets to the Lambda worker ({@code null}: no
     * queue), the container's worker pool, and how long a claimed ticket stays claimed
     * ({@code TRIAGE_LEASE}: it must outlast the longest run of every runtime sharing the table),
     * and how long {@code POST /process} waits for a handed-off run before answering 202
     * ({@code TRIAGE_MAX_WAIT}: the default and the most a {@code Prefer: wait} gets).
     */
    public record Triage(TriageEngineKind engine, Duration stepTimeout, int repetitionWindow, boolean onCreate,
                         String queueUrl, int workers, int queueCapacity, Duration lease, Duration maxWait) {
    }

    /** Where attachment bytes are kept: {@code UPLOAD_DIR} on disk, or an S3 bucket (Lambda's disk is ephemeral). */
    public enum AttachmentStore { FILESYSTEM, S3 }

    /**
     * Attachment limits and storage. {@code s3Bucket} is set only for {@link AttachmentStore#S3}.
     */
    public record Attachments(AttachmentStore store, String s3Bucket, int maxFilesPerRequest) {
    }

    /**
     * Where access tokens come from and how they are checked: the pool's signing keys at
     * {@code jwksUrl}, fetched as {@code jwks} says, and the clock skew allowed for a token's
     * {@code nbf} and {@code iat} ({@code TOKEN_CLOCK_LEEWAY}).
     */
    public record Cognito(String region, String userPoolId, List<String> clientIds, URI jwksUrl, Jwks jwks,
                          Duration clockLeeway) {

        /** The default clock leeway for {@code nbf} and {@code iat}. */
        public static final Duration DEFAULT_CLOCK_LEEWAY = Duration.ofSeconds(60);

        /** A pool checked with the default JWKS fetching and clock leeway. */
        public Cognito(String region, String userPoolId, List<String> clientIds, URI jwksUrl) {
            this(region, userPoolId, clientIds, jwksUrl, Jwks.DEFAULTS, DEFAULT_CLOCK_LEEWAY);
        }

        /** The {@code iss} claim Cognito puts in this pool's tokens. */
        public String issuer() {
            return "https://cognito-idp." + region + ".amazonaws.com/" + userPoolId;
        }
    }

    /**
     * How the signing keys are fetched: connect and read timeouts per fetch, how long a fetched
     * key set is used before it is fetched again ({@code cacheTtl}), and how long a failed fetch
     * is remembered so that requests meanwhile are refused at once instead of each waiting for
     * the endpoint again ({@code failureCache}).
     */
    public record Jwks(Duration connectTimeout, Duration readTimeout, Duration cacheTtl, Duration failureCache) {

        public static final Jwks DEFAULTS = new Jwks(Duration.ofSeconds(2), Duration.ofSeconds(3),
                Duration.ofSeconds(300), Duration.ofSeconds(30));
    }
}
