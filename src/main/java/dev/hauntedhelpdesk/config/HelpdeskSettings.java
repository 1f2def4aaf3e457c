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
        Cognito cognito) {

    /** Where access tokens come from and how they are checked. */
    public record Cognito(String region, String userPoolId, List<String> clientIds, URI jwksUrl) {

        /** The {@code iss} claim Cognito puts in this pool's tokens. */
        public String issuer() {
            return "https://cognito-idp." + region + ".amazonaws.com/" + userPoolId;
        }
    }
}
