package dev.hauntedhelpdesk.triage;

import dev.hauntedhelpdesk.attachment.AttachmentImages;
import dev.hauntedhelpdesk.config.HelpdeskSettings;
import dev.hauntedhelpdesk.memory.MemoryStore;
import dev.hauntedhelpdesk.ticket.TicketRepository;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Wires the triage team from the validated settings: the engine {@code TRIAGE_ENGINE} names
 * (only that one is built: the local model is not loaded on Bedrock, and no Bedrock client
 * exists on local), the tools, the bounds and the use cases; none of the engine's part where runs
 * are handed to the triage queue ({@link TriagesHere}).
 */
@Factory
class TriageBeans {

    static final String BEDROCK_ENDPOINT = "aws.services.bedrockruntime.endpoint-override";
    static final Duration TOOL_TIMEOUT = Duration.ofSeconds(2);
    static final Duration BEDROCK_BASE_BACKOFF = Duration.ofMillis(250);
    private static final Logger LOG = LoggerFactory.getLogger(TriageBeans.class);

    @Singleton
    @Requires(condition = TriagesHere.class)
    TriageEngine engine(HelpdeskSettings settings, BeanProvider<AwsCredentialsProvider> credentials,
                        Environment environment, List<ExecutionInterceptor> interceptors) {
        if (settings.triage().engine() == HelpdeskSettings.TriageEngineKind.BEDROCK) {
            URI endpoint = environment.getProperty(BEDROCK_ENDPOINT, String.class)
                    .filter(s -> !s.isBlank()).map(URI::create).orElse(null);
            return new BedrockTriageEngine(BedrockClientFactory.create(Region.of(settings.region()), credentials.get(),
                    endpoint, settings.triage().stepTimeout(), BEDROCK_BASE_BACKOFF, interceptors), settings.bedrockModelId());
        }
        long started = System.nanoTime();
        LocalTriageEngine engine = new LocalTriageEngine(new MiniLmEmbedder());
        LOG.info("Local triage model loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
        return engine;
    }

    @Singleton
    Toolbox toolbox(S3BucketInspector buckets) {
        return new Toolbox(new NetworkDiagnostics(TOOL_TIMEOUT), buckets);
    }

    @Singleton
    @Requires(condition = TriagesHere.class)
    TriageOrchestrator orchestrator(TriageEngine engine, MemoryStore memory, Toolbox tools,
                                    HelpdeskSettings settings) {
        TriageBounds bounds = new TriageBounds(settings.maxHandoffs(), settings.executionTimeout(),
                settings.triage().stepTimeout(), settings.triage().repetitionWindow());
        return new TriageOrchestrator(engine, memory, tools, bounds, Clock.systemUTC());
    }

    @Singleton
    @Requires(condition = TriagesHere.class)
    TriageService service(TicketRepository tickets, TriageOrchestrator orchestrator, AttachmentImages images,
                          HelpdeskSettings settings, JsonMapper json, Optional<TriageObserver> observer) {
        return new TriageService(tickets, orchestrator, Clock.systemUTC(), images, settings.triage().lease(), json,
                observer.orElse(TriageObserver.NONE));
    }
}
