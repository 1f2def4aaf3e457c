package dev.hauntedhelpdesk.triage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hauntedhelpdesk.memory.RecalledMemory;
import dev.hauntedhelpdesk.ticket.Category;
import dev.hauntedhelpdesk.ticket.WireName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ImageBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ImageFormat;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The engine on Amazon Bedrock, through the AWS SDK v2 Converse API (model-neutral, so
 * {@code BEDROCK_MODEL_ID} may name any Converse-capable model or inference profile). Retries
 * with backoff on throttling and transient errors, the per-call timeout and the endpoint come
 * from the client ({@link BedrockClientFactory}); this class asks for JSON, checks it, and
 * records token usage. Images in the context are sent as image blocks. Its health is what the last
 * call or {@linkplain #probe() probe} found, and {@code not-probed} before either.
 */
public class BedrockTriageEngine implements TriageEngine {

    private static final Logger LOG = LoggerFactory.getLogger(BedrockTriageEngine.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_TOKENS = 1024;
    private static final String CATEGORIES = String.join(", ", WireName.names(Category.class));
    private static final String SPECIALISTS = String.join(", ", Arrays.stream(Agent.values())
            .filter(Agent::isSpecialist).map(Agent::wire).toList());
    /** A health probe waits no longer than this for the model, however slow it is. */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
    private static final String PROBE = "probe";
    private static final String TRIAGE = "triage";

    private final BedrockRuntimeClient client;
    private final String modelId;
    private final AtomicReference<EngineHealth> health = new AtomicReference<>(
            EngineHealth.notProbed("no call to Bedrock yet; asking /health starts a probe"));

    public BedrockTriageEngine(BedrockRuntimeClient client, String modelId) {
        this.client = client;
        this.modelId = modelId;
    }

    @Override
    public boolean readsImages() {
        return true;
    }

    @Override
    public String name() {
        return "bedrock";
    }

    @Override
    public Classification classify(TriageContext context, TokenUsage.Counter tokens) {
        JsonNode reply = askJson(tokens, "You classify IT helpdesk tickets. Answer only with a JSON object "
                + "{\"category\": one of " + CATEGORIES + ", \"confidence\": a number from 0 to 1}.", context, "");
        String category = reply.path("category").asText("").toLowerCase(Locale.ROOT);
        if (!Agent.isCategory(category) || !reply.path("confidence").isNumber()) {
            throw new MalformedReplyException("classification without a known category and a confidence");
        }
        return new Classification(category, reply.path("confidence").asDouble());
    }

    @Override
    public Optional<float[]> embed(String text) {
        return Optional.empty();
    }

    @Override
    public AgentReply consult(Agent specialist, TriageContext context, Evidence evidence, TokenUsage.Counter tokens) {
        StringBuilder facts = new StringBuilder();
        for (RecalledMemory m : evidence.memories()) {
            facts.append("Similar past ticket (similarity ").append(String.format("%.2f", m.similarity()))
                    .append("): ").append(m.memory().query()).append("\nIts resolution: ")
                    .append(m.memory().resolution()).append('\n');
        }
        for (ToolFinding f : evidence.findings()) {
            facts.append("Diagnostic: ").append(f).append('\n');
        }
        for (Turn t : evidence.history()) {
            facts.append("Earlier, ").append(t.agent()).append(": ").append(t.content()).append('\n');
        }
        JsonNode reply = askJson(tokens, "You are the " + specialist.wire() + " specialist of an IT helpdesk. "
                + "You cannot call other agents. Answer only with a JSON object, either "
                + "{\"action\": \"answer\", \"response\": steps for the requester, \"resolved\": true if these "
                + "steps should solve it, false if a person must take over} or {\"action\": \"handoff\", "
                + "\"to\": one of " + SPECIALISTS + ", \"reason\": why}.", context, facts.toString());
        String action = reply.path("action").asText("");
        if (action.equals("answer") && reply.path("response").isTextual() && reply.path("resolved").isBoolean()) {
            return new AgentReply.Answer(reply.path("response").asText(), reply.path("resolved").asBoolean());
        }
        if (action.equals("handoff") && reply.path("to").isTextual()) {
            return new AgentReply.Handoff(reply.path("to").asText(), reply.path("reason").asText(""));
        }
        throw new MalformedReplyException("specialist reply is neither an answer nor a handoff");
    }

    @Override
    public String summarize(TriageContext context, AgentReply.Answer answer, TokenUsage.Counter tokens) {
        String text = ask(tokens, "Summarize the outcome of this helpdesk ticket for support staff in at most "
                + "two sentences of plain text.", context, "Outcome (" + (answer.resolved() ? "resolved" : "escalated")
                + "): " + answer.response());
        if (text.isBlank()) {
            throw new MalformedReplyException("empty summary");
        }
        return text.strip();
    }

    @Override
    public EngineHealth health() {
        return health.get();
    }

    /**
     * One Converse call for a single output token (bedrock:InvokeModel, which triage needs anyway),
     * cut off after {@link #PROBE_TIMEOUT} including retries: whatever the model answers, it answered.
     */
    @Override
    public EngineHealth probe() {
        try {
            client.converse(b -> b.modelId(modelId)
                    .messages(Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText("ping")).build())
                    .inferenceConfig(c -> c.maxTokens(1))
                    .overrideConfiguration(o -> o.apiCallTimeout(PROBE_TIMEOUT)));
            answered(PROBE);
        } catch (SdkException e) {
            failed(PROBE, e);
        }
        return health.get();
    }

    private void answered(String by) {
        Instant now = Instant.now();
        health.set(new EngineHealth(EngineHealth.Status.AVAILABLE, now, by, "Bedrock " + modelId + " answered at " + now));
    }

    private String failed(String by, SdkException e) {
        Instant now = Instant.now();
        String reason = e.getClass().getSimpleName() + (e.getMessage() == null ? ""
                : ": " + e.getMessage().lines().findFirst().orElse(""));
        health.set(new EngineHealth(EngineHealth.Status.DEGRADED, now, by, "Bedrock " + modelId + " failed at " + now
                + " (" + reason + ")"));
        return reason;
    }

    private JsonNode askJson(TokenUsage.Counter tokens, String system, TriageContext context, String facts) {
        String text = ask(tokens, system, context, facts);
        int start = text.indexOf('{');
        int end = text.lastIndexOf('}');
        if (start < 0 || end < start) {
            throw new MalformedReplyException("no JSON object in the model's reply");
        }
        try {
            return JSON.readTree(text.substring(start, end + 1));
        } catch (java.io.IOException e) {
            throw new MalformedReplyException("the model's JSON does not parse");
        }
    }

    private String ask(TokenUsage.Counter tokens, String system, TriageContext context, String facts) {
        List<ContentBlock> content = new ArrayList<>();
        content.add(ContentBlock.fromText("Ticket " + context.ticketId() + " (severity " + context.severity()
                + (context.category() == null ? "" : ", category " + context.category()) + ")\nTitle: "
                + context.title() + "\nDescription: " + context.description()
                + (facts.isEmpty() ? "" : "\n\n" + facts)));
        for (TriageContext.TicketImage image : context.images()) {
            imageFormat(image.mediaType()).ifPresent(format -> content.add(ContentBlock.fromImage(ImageBlock.builder()
                    .format(format).source(s -> s.bytes(SdkBytes.fromByteArray(image.bytes()))).build())));
        }
        ConverseResponse response;
        try {
            response = client.converse(b -> b.modelId(modelId)
                    .system(SystemContentBlock.fromText(system))
                    .messages(Message.builder().role(ConversationRole.USER).content(content).build())
                    .inferenceConfig(c -> c.maxTokens(MAX_TOKENS).temperature(0f)));
        } catch (SdkException e) {
            String reason = failed(TRIAGE, e);
            LOG.warn("Bedrock call failed: {}", reason);
            throw new EngineUnavailableException(reason, e);
        }
        answered(TRIAGE);
        if (response.usage() != null) {
            tokens.add(nz(response.usage().inputTokens()), nz(response.usage().outputTokens()));
        }
        if (response.output() == null || response.output().message() == null) {
            throw new MalformedReplyException("no message in the model's reply");
        }
        StringBuilder text = new StringBuilder();
        for (ContentBlock block : response.output().message().content()) {
            if (block.text() != null) {
                text.append(block.text());
            }
        }
        return text.toString();
    }

    private static long nz(Integer value) {
        return value == null ? 0 : value;
    }

    private static Optional<ImageFormat> imageFormat(String mediaType) {
        return switch (mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT)) {
            case "image/png" -> Optional.of(ImageFormat.PNG);
            case "image/jpeg", "image/jpg" -> Optional.of(ImageFormat.JPEG);
            case "image/gif" -> Optional.of(ImageFormat.GIF);
            case "image/webp" -> Optional.of(ImageFormat.WEBP);
            default -> Optional.empty();
        };
    }
}
