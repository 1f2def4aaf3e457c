package dev.hauntedhelpdesk.testing;

import dev.hauntedhelpdesk.config.HelpdeskSettings;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Settings for a class under test built without an application context: defaults but the table and the pool. */
public final class TestSettings {

    private TestSettings() {
    }

    /**
     * @param table the DynamoDB table
     * @param cognito the user pool whose tokens are accepted
     */
    public static HelpdeskSettings of(String table, HelpdeskSettings.Cognito cognito) {
        return new HelpdeskSettings(table, "us-east-1", "127.0.0.1", 8000, List.of(), Path.of("uploads"), 10,
                10, Duration.ofSeconds(300), "model", cognito,
                new HelpdeskSettings.Attachments(HelpdeskSettings.AttachmentStore.FILESYSTEM, null, 5),
                new HelpdeskSettings.Triage(HelpdeskSettings.TriageEngineKind.LOCAL, Duration.ofSeconds(60), 3, false,
                        null, 1, 10, Duration.ofSeconds(330), Duration.ofSeconds(25)));
    }

    /** A table's settings with a pool whose keys are never fetched. */
    public static HelpdeskSettings of(String table) {
        return of(table, new HelpdeskSettings.Cognito("us-east-1", "us-east-1_test", List.of("client"),
                URI.create("http://127.0.0.1/jwks.json")));
    }
}
