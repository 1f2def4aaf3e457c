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
        boolean createTable,
        String region,
        String apiHost,
        int apiPort,
        List<String> corsOrigins,
        Path uploadDir,
        int maxUploadSizeMb,
        Path memoryDir,
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
     * ({@code TRIAGE_LEASE}: it must outlast the longest run of every runtime sharing the table).
     */
    public record Triage(TriageEngineKind engine, Duration stepTimeout, int repetitionWindow, boolean onCreate,
                         String queueUrl, int workers, int queueCapacity, Duration lease) {
    }

    /** Where attachment bytes are kept: {@code UPLOAD_DIR} on disk, or an S3 bucket (Lambda's disk is ephemeral). */
    public enum AttachmentStore { FILESYSTEM, S3 }

    /**
     * Attachment limits and storage. {@code s3Bucket} is set only for {@link AttachmentStore#S3}.
     */
    public record Attachments(AttachmentStore store, String s3Bucket, int maxFilesPerRequest) {
    }

    /** Where access tokens come from and how they are checked. */
    public record Cognito(String region, String userPoolId, List<String> clientIds, URI jwksUrl) {

        /** The {@code iss} claim Cognito puts in this pool's tokens. */
        public String issuer() {
            return "https://cognito-idp." + region + ".amazonaws.com/" + userPoolId;
        }
    }
}
