package dev.hauntedhelpdesk.lambda.snapstart;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.hauntedhelpdesk.security.KeySetPrefetch;
import dev.hauntedhelpdesk.ticket.TicketRepository;
import dev.hauntedhelpdesk.triage.TriageEngine;
import io.micronaut.context.ApplicationContext;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * SnapStart priming: before Lambda snapshots a function's initialised environment, runs the work
 * of a real invocation once, so every cold start restored from the snapshot finds the classes of
 * that work loaded and its code compiled. An HTTP function sends {@link #REQUESTS} through its own
 * handler (the object Lambda invokes, on its own application context); every function reads one
 * ticket that does not exist and, where the local triage engine runs, has it triage a canned
 * ticket in memory.
 *
 * <p>Everything primed is read-only and needs no token: a snapshot is taken once per published
 * version, not once per request, so nothing done here may leave a trace in the table, the queue or
 * the metrics. A failed step is logged and skipped: a snapshot without priming is only slower to
 * warm, whereas an exception here would fail the version's publication.
 *
 * <p>{@link #beforeCheckpoint} runs only where SnapStart (or another CRaC checkpoint) takes a
 * snapshot; elsewhere {@link #register()} does nothing, so priming needs no switch.
 */
public final class SnapStartPriming implements Resource {

    /** An id no ticket has: a GetItem for it reads nothing. */
    static final String ABSENT_TICKET = "00000000-0000-4000-8000-000000000000";

    /**
     * What an HTTP function is sent: the health check, the OpenAPI document, and a ticket read
     * without a token and with a bearer value that is no JWT. Both reads are refused with 401
     * before the table is reached (the pool's key set was fetched as the context started, and
     * is fetched again after a restore: {@link #afterRestore}).
     */
    static final List<PrimingRequest> REQUESTS = List.of(
            new PrimingRequest("GET", "/health/liveness", Map.of("accept", "application/json")),
            new PrimingRequest("GET", "/openapi.yml", Map.of()),
            new PrimingRequest("GET", "/api/tickets/" + ABSENT_TICKET, Map.of("accept", "application/json")),
            new PrimingRequest("GET", "/api/tickets/" + ABSENT_TICKET, Map.of("accept", "application/json",
                    "authorization", "Bearer not-a-jwt")));

    /** {@link TriageEngine#name()} of the in-process engine. */
    private static final String LOCAL_ENGINE = "local";
    private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);

    private final List<Step> steps;
    private final Runnable forget;
    private final ApplicationContext context;
    private volatile List<Outcome> outcomes = List.of();

    private SnapStartPriming(List<Step> steps, Runnable forget, ApplicationContext context) {
        this.steps = List.copyOf(steps);
        this.forget = forget;
        this.context = context;
    }

    /**
     * Priming for an HTTP API (payload 2.0) function.
     *
     * @param handler the function's own request path, as an invocation runs it
     * @param context the function's application context
     * @param forget undoes what the priming invocations leave behind that a real invocation must
     *     not inherit (their meters, the cold-start flag)
     */
    public static SnapStartPriming forHttpApi(
            BiFunction<APIGatewayV2HTTPEvent, Context, APIGatewayV2HTTPResponse> handler,
            ApplicationContext context, Runnable forget) {
        return http(request -> handler.apply(PrimingEvents.httpApi(request), new PrimingContext()).getStatusCode(),
                context, forget);
    }

    /**
     * Priming for a REST API (payload 1.0) function; the parameters are as for {@link #forHttpApi}.
     */
    public static SnapStartPriming forRestApi(
            BiFunction<APIGatewayProxyRequestEvent, Context, APIGatewayProxyResponseEvent> handler,
            ApplicationContext context, Runnable forget) {
        return http(request -> handler.apply(PrimingEvents.restApi(request), new PrimingContext()).getStatusCode(),
                context, forget);
    }

    /**
     * Priming for the triage queue's function: no HTTP requests, the store read and the local
     * engine only. A queue message is never made up: handling one claims and writes a ticket.
     */
    public static SnapStartPriming forTriageQueue(ApplicationContext context, Runnable forget) {
        return new SnapStartPriming(backendSteps(context), forget, context);
    }

    private static SnapStartPriming http(Function<PrimingRequest, Integer> send, ApplicationContext context,
                                         Runnable forget) {
        List<Step> steps = new ArrayList<>();
        for (PrimingRequest request : REQUESTS) {
            steps.add(new Step(request.name(), () -> String.valueOf(send.apply(request))));
        }
        steps.addAll(backendSteps(context));
        return new SnapStartPriming(steps, forget, context);
    }

    private static List<Step> backendSteps(ApplicationContext context) {
        return List.of(
                // The SDK client's first call (signing, marshalling, the HTTP client, TLS) is the
                // slowest part of a first request that reads a ticket; no request above reaches it.
                new Step("GetItem " + ABSENT_TICKET, () ->
                        context.getBean(TicketRepository.class).find(ABSENT_TICKET).isPresent() ? "present" : "absent"),
                // By its name, so nothing here refers to the local engine's class, whose libraries the
                // API function's -api artifact leaves out.
                new Step("local triage engine", () -> context.findBean(TriageEngine.class)
                        .filter(engine -> LOCAL_ENGINE.equals(engine.name()))
                        // Bedrock is left alone: a model call costs, and its answer would serve nobody.
                        .map(CannedTriage::run)
                        .orElse("none here")));
    }

    /**
     * Registers this priming with CRaC's global context, which Lambda's SnapStart honours. That
     * context holds its resources weakly, so the caller must keep the returned object.
     *
     * @return this priming
     */
    public SnapStartPriming register() {
        Core.getGlobalContext().register(this);
        return this;
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        prime();
    }

    /**
     * After a restore, fetches the pool's signing keys again: the key set the context fetched as
     * it started dates from the snapshot, which may be days old, and the restored environment's
     * first signed request would otherwise wait for the refetch (restore time is not billed to a
     * request). Nothing else needs renewing. The DynamoDB connection the store read opened sits
     * in the JDK's keep-alive cache (the SDK's url-connection client), which judges an idle
     * connection by the wall clock against its keep-alive timeout (5 s unless the server says
     * otherwise), so a restored environment opens a new one rather than reusing a connection that
     * did not survive the snapshot; should a dead one be reused anyway, the SDK's retries cover
     * it. Priming keeps no id or random value: ids are drawn per request from {@code SecureRandom}.
     */
    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        try {
            // Not in the triage function, which never uses the keys (KeySetPrefetch.ON_START).
            if (this.context.getProperty(KeySetPrefetch.ON_START, Boolean.class).orElse(true)) {
                this.context.findBean(KeySetPrefetch.class).ifPresent(KeySetPrefetch::prefetch);
            }
        } catch (RuntimeException e) {
            LOG.warn("Fetching the signing keys after the restore failed; the first request fetches them", e);
        }
    }

    /**
     * Runs every step once, logging and skipping any that fails.
     *
     * @return each step's outcome, in order
     */
    public List<Outcome> prime() {
        long started = System.nanoTime();
        List<Outcome> done = new ArrayList<>();
        try {
            for (Step step : steps) {
                done.add(step.run());
            }
        } finally {
            try {
                forget.run();
            } catch (RuntimeException e) {
                LOG.warn("SnapStart priming could not clean up after itself: {}", e.toString());
            }
        }
        outcomes = List.copyOf(done);
        LOG.info("SnapStart priming took {} ms: {}", (System.nanoTime() - started) / 1_000_000, outcomes);
        return outcomes;
    }

    /** The outcomes of the last {@link #prime()}, empty before the first. */
    public List<Outcome> outcomes() {
        return outcomes;
    }

    /**
     * One step's outcome.
     *
     * @param step what was primed, such as {@code GET /health/liveness}
     * @param succeeded whether it completed (a 401 is a completed request)
     * @param result the status code or what was read, or the failure
     */
    public record Outcome(String step, boolean succeeded, String result) {
        @Override
        public String toString() {
            return step + " -> " + result;
        }
    }

    private record Step(String name, Supplier<String> work) {
        Outcome run() {
            try {
                return new Outcome(name, true, work.get());
            } catch (RuntimeException | LinkageError e) {
                // A LinkageError too: a class missing from a slimmed artifact must not fail the snapshot.
                LOG.warn("SnapStart priming step '{}' failed; the snapshot is taken without it", name, e);
                return new Outcome(name, false, e.toString());
            }
        }
    }
}
