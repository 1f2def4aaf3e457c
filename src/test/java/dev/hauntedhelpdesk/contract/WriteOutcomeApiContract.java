package dev.hauntedhelpdesk.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hauntedhelpdesk.testing.AttachmentStores;
import dev.hauntedhelpdesk.testing.BackendProperties;
import dev.hauntedhelpdesk.testing.CognitoPool;
import dev.hauntedhelpdesk.testing.FaultyTcpProxy;
import dev.hauntedhelpdesk.testing.FaultyTcpProxy.Fault;
import dev.hauntedhelpdesk.testing.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.hauntedhelpdesk.contract.TicketApiContract.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a client is told when DynamoDB's answer to a write is lost: the runtime reaches moto's
 * DynamoDB through a {@link FaultyTcpProxy} (cut connections, black holes, answers held past the
 * SDK's timeouts) with the application's own client and timeouts, and moto, which keeps what it
 * was sent, is then asked directly what was stored. A create answers 201 for a ticket that is
 * there, {@code outcome-unknown} when it cannot tell, and never {@code service-unavailable}
 * ("nothing was written") for a ticket that exists.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class WriteOutcomeApiContract {

    private static final String TYPES = "https://haunted-helpdesk.dev/problems/";
    /** Past the application's 2 s attempt timeout, so every delayed answer arrives too late. */
    private static final Duration ANSWER_DELAY = Duration.ofMillis(2500);
    private static final int MAX_FILES = 10;
    private static final int CAP = 100;

    protected CognitoPool pool;
    private FaultyTcpProxy proxy;
    private DynamoDbClient moto;
    private AttachmentStores store;
    private Map<String, Object> properties;
    private String table;
    protected ServerUnderTest server;
    protected Api api;

    protected abstract RuntimeUnderTest runtime();

    @BeforeAll
    void startServer() {
        pool = CognitoPool.shared();
        proxy = FaultyTcpProxy.start(MotoServer.shared().endpoint(), ANSWER_DELAY);
        moto = MotoServer.shared().dynamoDb();
        store = AttachmentStores.filesystem();
        table = BackendProperties.uniqueTableName();
        properties = BackendProperties.forApp(table, proxy.endpoint(), pool);
        properties.putAll(store.properties());
        properties.put("helpdesk.max-files-per-request", Integer.toString(MAX_FILES));
        server = runtime().start(properties);
        api = new Api(server, pool);
    }

    @AfterEach
    void healTheNetwork() {
        proxy.faults(request -> Fault.PASS);
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    // ---- one lost answer at a time ----

    @Test
    void create_answers201_whenTheTableStoredItButTheConnectionDroppedBeforeTheAnswer() {
        AtomicInteger writes = new AtomicInteger();
        proxy.faults(r -> isCreateWrite(r) && writes.getAndIncrement() == 0 ? Fault.CUT_ANSWER : Fault.PASS);
        String title = "cut-" + UUID.randomUUID();

        ApiResponse response = api.as("alice", ApiRequest.of("POST", "/api/tickets")
                .json(Api.ticketJson(title, "The answer was lost", "high", null)));

        assertEquals(201, response.status(), response::toString);
        assertEquals(List.of(response.json().get("ticket_id").asText()), storedIds(title));
    }

    @Test
    void create_answers201_whenEveryAnswerToItsWriteArrivesPastTheTimeouts() {
        proxy.faults(r -> isCreateWrite(r) ? Fault.DELAY_ANSWER : Fault.PASS);
        String title = "late-" + UUID.randomUUID();

        ApiResponse response = api.as("alice", ApiRequest.of("POST", "/api/tickets")
                .json(Api.ticketJson(title, "Every answer came too late", "high", null)));

        assertEquals(201, response.status(), response::toString);
        assertEquals(List.of(response.json().get("ticket_id").asText()), storedIds(title));
    }

    @Test
    void createWithIdempotencyKey_isNotAReplay_whenItsOwnFirstAttemptWasStored() {
        AtomicInteger writes = new AtomicInteger();
        proxy.faults(r -> isCreateWrite(r) && writes.getAndIncrement() == 0 ? Fault.CUT_ANSWER : Fault.PASS);
        String title = "keyed-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        ApiRequest create = ApiRequest.of("POST", "/api/tickets").header("Idempotency-Key", key)
                .json(Api.ticketJson(title, "The answer was lost", "low", null));

        ApiResponse first = api.as("alice", create);
        proxy.faults(r -> Fault.PASS);
        ApiResponse retry = api.as("alice", ApiRequest.of("POST", "/api/tickets").header("Idempotency-Key", key)
                .json(Api.ticketJson(title, "The answer was lost", "low", null)));

        assertEquals(201, first.status(), first::toString);
        assertEquals("false", first.header("Idempotent-Replayed"), first::toString);
        assertEquals(201, retry.status(), retry::toString);
        assertEquals("true", retry.header("Idempotent-Replayed"), retry::toString);
        assertEquals(first.json().get("ticket_id"), retry.json().get("ticket_id"));
        assertEquals(List.of(first.json().get("ticket_id").asText()), storedIds(title));
    }

    @Test
    void create_answersOutcomeUnknown_notServiceUnavailable_whenItsWriteWasStoredButNothingCanBeRead() {
        proxy.faults(r -> isCreateWrite(r) ? Fault.DELAY_ANSWER
                : r.operation().equals("GetItem") ? Fault.CUT_REQUEST : Fault.PASS);
        String title = "unknown-" + UUID.randomUUID();

        ApiResponse response = api.as("alice", ApiRequest.of("POST", "/api/tickets")
                .json(Api.ticketJson(title, "Stored, but nobody can tell", "high", null)));

        assertOutcomeUnknown(response);
        List<String> stored = storedIds(title);
        assertEquals(List.of(response.json().get("ticket_id").asText()), stored,
                "the problem names the ticket the create tried to write: " + response);
    }

    @Test
    void submitTicket_answers201_whenEveryAnswerToItsWriteArrivesPastTheTimeouts_andKeepsItsFiles() {
        proxy.faults(r -> isCreateWrite(r) ? Fault.DELAY_ANSWER : Fault.PASS);
        String title = "form-" + UUID.randomUUID();
        byte[] png = SampleFiles.png(800, 71);

        ApiResponse response = api.as("alice", new Multipart().ticket(title, "With a screenshot", "medium", null)
                .file("files[]", "screen.png", "image/png", png)
                .to("POST", "/api/submit-ticket"));

        assertEquals(201, response.status(), response::toString);
        String id = response.json().get("ticket_id").asText();
        assertEquals(List.of(id), storedIds(title));
        String attachmentId = response.json().get("attachments").get(0).get("attachment_id").asText();
        assertTrue(store.keys().stream().anyMatch(k -> k.contains(attachmentId)),
                () -> "the stored ticket's file is kept: " + store.keys());
    }

    // ---- many creates through a faulty network ----

    @Test
    void concurrentCreatesThroughAFaultyNetwork_answer201OrOutcomeUnknown_forEveryTicketThatExists()
            throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Map<Fault, Integer> before = proxy.injected();
        proxy.faults(r -> switch (r.operation()) {
            case "PutItem", "TransactWriteItems", "GetItem" -> pick(random);
            default -> Fault.PASS;
        });
        String run = "faulty-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        int concurrent = 24;
        int keyed = 6;
        int creates = concurrent + keyed;
        Map<String, ApiResponse> answers = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        try (ExecutorService clients = Executors.newFixedThreadPool(8)) {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < concurrent; i++) {
                String title = run + i;
                sent.add(clients.submit(() -> answers.put(title, createThroughFaults(title, null))));
            }
            for (Future<?> f : sent) {
                f.get(90, TimeUnit.SECONDS);
            }
        }
        // moto rolls a cancelled transaction back by restoring a copy of the whole table taken when
        // it began, erasing whatever other requests wrote meanwhile (DynamoDB isolates items), and a
        // create retried after its first attempt landed is such a cancelled transaction: keyed
        // creates go one at a time so that moto artefact cannot erase another create's ticket.
        for (int i = concurrent; i < creates; i++) {
            answers.put(run + i, createThroughFaults(run + i, UUID.randomUUID().toString()));
        }
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        proxy.faults(r -> Fault.PASS);

        Map<String, List<String>> stored = storedByTitle(run);
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> violations = new ArrayList<>();
        for (int i = 0; i < creates; i++) {
            String title = run + i;
            ApiResponse answer = answers.get(title);
            String kind = kind(answer);
            outcomes.merge(kind, 1, Integer::sum);
            List<String> ids = stored.getOrDefault(title, List.of());
            if (ids.size() > 1) {
                violations.add(title + " stored " + ids.size() + " times");
            }
            if (kind.equals("201")) {
                String id = answer.json().get("ticket_id").asText();
                if (!ids.equals(List.of(id))) {
                    String storedAs = stored.entrySet().stream().filter(e -> e.getValue().contains(id))
                            .map(Map.Entry::getKey).findFirst().orElse("nothing");
                    violations.add(title + " answered 201 " + id + " but stored " + ids + "; that id is stored as "
                            + storedAs);
                }
            } else if (kind.equals("outcome-unknown")) {
                String named = answer.json().path("ticket_id").asText();
                if (!ids.isEmpty() && !ids.equals(List.of(named))) {
                    violations.add(title + " answered outcome-unknown for " + named + " but stored " + ids);
                }
            } else if (!ids.isEmpty()) {
                violations.add(title + " answered " + answer + " but ticket " + ids + " exists");
            }
        }
        Map<Fault, Integer> injected = new java.util.EnumMap<>(Fault.class);
        proxy.injected().forEach((fault, count) -> injected.put(fault, count - before.getOrDefault(fault, 0)));
        long existing = stored.values().stream().mapToLong(List::size).sum();
        System.out.printf("fault injection (seed %d): %d creates (%d concurrent without key, %d with key) in %d ms, "
                + "answers %s, tickets stored %d, faults injected %s, requests per operation %s%n", seed, creates,
                concurrent, keyed, elapsed, outcomes, existing, injected, proxy.operations());
        assertTrue(violations.isEmpty(), () -> "seed " + seed + ": " + String.join("\n", violations));
    }

    private ApiResponse createThroughFaults(String title, String idempotencyKey) {
        ApiRequest request = ApiRequest.of("POST", "/api/tickets");
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return api.as("alice", request.json(Api.ticketJson(title, "Through a bad network", "medium", null)));
    }

    // ---- the attachment cap under concurrent appends ----

    @Test
    void twoAppendsThatTogetherPassTheCap_storeOnlyTheCap_andTheLateOneGets413AndLeavesNoFile() throws Exception {
        String id = api.create("alice", "Full of files", "low").json().get("ticket_id").asText();
        fill(id, CAP - 1);
        // A second instance of the runtime, as a second container or Lambda instance would be.
        try (ServerUnderTest other = runtime().start(properties)) {
            Api otherApi = new Api(other, pool);
            CountDownLatch lateOneRead = new CountDownLatch(1);
            CountDownLatch firstOneDone = new CountDownLatch(1);
            // The late append's write waits until the other append has been answered: both have
            // read 99 attachments before either wrote. A wait longer than the SDK's attempt timeout
            // becomes a black hole, so an abandoned attempt never reaches the table.
            proxy.faults(r -> {
                if (r.operation().equals("UpdateItem") && r.bodyContains("late.log")) {
                    lateOneRead.countDown();
                    return await(firstOneDone, Duration.ofMillis(1500)) ? Fault.PASS : Fault.BLACK_HOLE;
                }
                return Fault.PASS;
            });
            Set<String> keysBefore = store.keys();
            CompletableFuture<ApiResponse> late = CompletableFuture.supplyAsync(() -> api.as("alice",
                    new Multipart().file("files[]", "late.log", "text/plain", SampleFiles.log("late"))
                            .to("POST", "/api/tickets/" + id + "/attachments")));
            assertTrue(lateOneRead.await(20, TimeUnit.SECONDS), "the late append reached its write");
            ApiResponse first = otherApi.as("alice", new Multipart()
                    .file("files[]", "first.log", "text/plain", SampleFiles.log("first"))
                    .to("POST", "/api/tickets/" + id + "/attachments"));
            firstOneDone.countDown();
            ApiResponse second = late.get(30, TimeUnit.SECONDS);

            assertEquals(200, first.status(), first::toString);
            assertProblem(second, 413, "too-many-files");
            JsonNode ticket = api.as("alice", ApiRequest.of("GET", "/api/tickets/" + id)).json();
            assertEquals(CAP, ticket.get("attachments").size(), "attachments stored");
            Set<String> added = new HashSet<>(store.keys());
            added.removeAll(keysBefore);
            assertEquals(1, added.size(), () -> "only the accepted file is stored: " + added);
        }
    }

    // ---- helpers ----

    private void fill(String ticketId, int count) {
        int added = 0;
        while (added < count) {
            Multipart form = new Multipart();
            int batch = Math.min(MAX_FILES, count - added);
            for (int i = 0; i < batch; i++) {
                form.file("files[]", "f" + (added + i) + ".log", "text/plain", SampleFiles.log("file " + (added + i)));
            }
            ApiResponse response = api.as("alice", form.to("POST", "/api/tickets/" + ticketId + "/attachments"));
            assertEquals(200, response.status(), response::toString);
            added += batch;
        }
    }

    private static boolean await(CountDownLatch latch, Duration atMost) {
        try {
            return latch.await(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean isCreateWrite(FaultyTcpProxy.Request request) {
        return request.operation().equals("PutItem") || request.operation().equals("TransactWriteItems");
    }

    private static Fault pick(Random random) {
        int roll = random.nextInt(100);
        if (roll < 40) {
            return Fault.PASS;
        }
        return Fault.values()[1 + (roll - 40) / 15];
    }

    private static String kind(ApiResponse answer) {
        if (answer.status() == 201) {
            return "201";
        }
        String type = answer.header("Content-Type") != null && answer.header("Content-Type").startsWith("application/problem+json")
                ? answer.json().path("type").asText().replace(TYPES, "") : "";
        String kind = answer.status() + (type.isEmpty() ? "" : " " + type);
        return kind.equals("503 outcome-unknown") ? "outcome-unknown" : kind;
    }

    private static void assertOutcomeUnknown(ApiResponse response) {
        assertProblem(response, 503, "outcome-unknown");
        assertNotNull(response.header("Retry-After"), () -> "Retry-After expected: " + response);
        String detail = response.json().path("detail").asText();
        assertTrue(detail.contains("Idempotency-Key"), detail);
        assertFalse(response.json().path("ticket_id").asText().isEmpty(), response::toString);
        assertFalse(response.json().path("correlation_id").asText().isEmpty(), response::toString);
    }

    /** The ids of the tickets moto holds with this title, read directly from moto. */
    private List<String> storedIds(String title) {
        return storedByTitle(title).getOrDefault(title, List.of());
    }

    private Map<String, List<String>> storedByTitle(String titlePrefix) {
        Map<String, List<String>> byTitle = new HashMap<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var page = moto.scan(b -> b.tableName(table).consistentRead(true).exclusiveStartKey(from));
            for (Map<String, AttributeValue> item : page.items()) {
                AttributeValue title = item.get("title");
                if (item.containsKey("ticket_id") && title != null && title.s().startsWith(titlePrefix)) {
                    byTitle.computeIfAbsent(title.s(), k -> new ArrayList<>()).add(item.get("ticket_id").s());
                }
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return byTitle;
    }
}
