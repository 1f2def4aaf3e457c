package dev.hauntedhelpdesk.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hauntedhelpdesk.testing.AttachmentStores;
import dev.hauntedhelpdesk.testing.BackendProperties;
import dev.hauntedhelpdesk.testing.CognitoPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Attachments reaching triage on the Bedrock engine: a ticket's screenshots travel to the model
 * as Converse image blocks (the exact bytes), its text logs do not, and no "not analysed" note is
 * logged. The model here is a local Converse endpoint that records what it is sent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AttachmentTriageContract {

    private ConverseRecorder model;
    private ServerUnderTest server;
    private Api api;

    protected abstract RuntimeUnderTest runtime();

    @BeforeAll
    void start() {
        model = new ConverseRecorder();
        Map<String, Object> properties = BackendProperties.forApp(BackendProperties.uniqueTableName());
        properties.put("helpdesk.triage.engine", "bedrock");
        properties.put("aws.services.bedrockruntime.endpoint-override", model.endpoint().toString());
        properties.putAll(AttachmentStores.filesystem().properties());
        server = runtime().start(properties);
        api = new Api(server, CognitoPool.shared());
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        if (model != null) {
            model.close();
        }
    }

    @Test
    void triageOnBedrock_sendsTheTicketsImagesToTheModel_asImageBlocks() throws InterruptedException {
        byte[] png = SampleFiles.png(3000, 70);
        byte[] log = SampleFiles.log("UNIQUE-LOG-LINE-4711 connection reset");
        ApiResponse created = api.as("alice", new Multipart().ticket("Crash dialog", "Screenshot attached", "high", null)
                .file("files[]", "crash.png", "image/png", png)
                .file("files[]", "app.log", "text/plain", log)
                .to("POST", "/api/submit-ticket"));
        assertEquals(201, created.status(), created::toString);
        String id = created.json().get("ticket_id").asText();
        api.as("alice", ApiRequest.of("POST", "/api/tickets/" + id + "/process"));

        String encoded = Base64.getEncoder().encodeToString(png);
        String withImage = null;
        for (int i = 0; i < 120 && withImage == null; i++) {
            withImage = model.bodies().stream().filter(b -> b.contains(encoded)).findFirst().orElse(null);
            if (withImage == null) {
                Thread.sleep(250);
            }
        }
        assertTrue(withImage != null, "no Converse request carried the screenshot's bytes");
        assertTrue(withImage.contains("\"image\"") && withImage.contains("\"format\":\"png\""), withImage);
        assertFalse(model.bodies().stream().anyMatch(b -> b.contains(Base64.getEncoder().encodeToString(log))));
        JsonNode logEntries = api.as("alice", ApiRequest.of("GET", "/api/tickets/" + id)).json().get("workflow_log");
        for (JsonNode entry : logEntries) {
            assertFalse(entry.get("event").asText().equals("image_analysis_unavailable"), logEntries::toString);
        }
    }
}
