package dev.hauntedhelpdesk.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hauntedhelpdesk.testing.AttachmentStores;
import dev.hauntedhelpdesk.testing.BackendProperties;
import dev.hauntedhelpdesk.testing.CognitoPool;
import dev.hauntedhelpdesk.testing.MotoServer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.statistics.Statistics;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static dev.hauntedhelpdesk.contract.TicketApiContract.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * For any upload around the limits (files of limit−1, limit and limit+1 bytes, several at once,
 * one more file than allowed, a form field around its own limit) under a small configured
 * {@code MAX_UPLOAD_SIZE_MB}, the submit form answers 201 or 413 exactly as the documented limits
 * say, and a 413 leaves nothing behind: no ticket in the table, no file in storage. Where a
 * gateway refuses a body before the service sees it, its 413 must leave nothing either. Each
 * runtime module runs it through its own runtime.
 */
public abstract class UploadLimitsProperty {

    /** 1 MB as the brief's small limit; 4 MB so that a full request is over Netty's 10 MiB buffer. */
    private static final List<Integer> LIMITS_MB = List.of(1, 4);
    private static final int MAX_FILES = 3;
    /** The documented allowance per file part (headers) and for the whole form. */
    private static final long PART_ALLOWANCE = 16 * 1024;
    private static final long FORM_ALLOWANCE = 256 * 1024;
    /** The documented limit of one form field. */
    private static final int MAX_FIELD_BYTES = 64 * 1024;

    private final Map<Integer, Deployment> deployments = new HashMap<>();

    protected abstract RuntimeUnderTest runtime();

    protected abstract AttachmentStores attachmentStore();

    /** What a gateway in front answers by itself to a body of this many bytes; empty when it reaches the service. */
    protected Optional<UploadLimitsApiContract.GatewayRefusal> refusedByTheGateway(long bodyBytes) {
        return Optional.empty();
    }

    /** One running service with its own table and storage, configured with one limit. */
    private record Deployment(ServerUnderTest server, Api api, AttachmentStores store) {
    }

    /** One generated request: a limit, an optional padding field of this size (-1: none), file sizes. */
    record Upload(int limitMb, int paddingBytes, List<Integer> fileSizes) {
        long limitBytes() {
            return limitMb * 1024L * 1024L;
        }

        long requestLimitBytes() {
            return MAX_FILES * (limitBytes() + PART_ALLOWANCE) + FORM_ALLOWANCE;
        }

        @Override
        public String toString() {
            return "limit " + limitBytes() + ", padding " + paddingBytes + ", files " + fileSizes;
        }
    }

    @AfterProperty
    void stopServers() {
        deployments.values().forEach(d -> d.server().close());
        deployments.clear();
    }

    @Property(tries = 40)
    void submit_answers201or413AsTheLimitsSay_andA413StoresNothing(@ForAll("uploads") Upload upload) {
        Deployment deployment = deployment(upload.limitMb());
        Multipart form = new Multipart().ticket("Limits " + UUID.randomUUID(), "Upload " + upload, "low", null);
        if (upload.paddingBytes() >= 0) {
            char[] padding = new char[upload.paddingBytes()];
            Arrays.fill(padding, 'p');
            form.field("notes", new String(padding));
        }
        for (int i = 0; i < upload.fileSizes().size(); i++) {
            form.file("files[]", "shot-" + i + ".png", "image/png", SampleFiles.png(upload.fileSizes().get(i), i));
        }
        ApiRequest request = form.to("POST", "/api/submit-ticket");
        Set<String> keysBefore = deployment.store().keys();
        int ticketsBefore = ticketCount(deployment.api());

        ApiResponse response = deployment.api().as("bob", request);

        Optional<UploadLimitsApiContract.GatewayRefusal> refusal = refusedByTheGateway(request.body().length);
        String expected = refusal.isPresent() ? "gateway " + refusal.get().status() : expected(upload, request.body().length);
        if (refusal.isPresent()) {
            assertEquals(refusal.get().status(), response.status(), response::toString);
            assertEquals(refusal.get().message(), response.json().get("message").asText(), response::toString);
        } else if (expected.equals("201")) {
            assertEquals(201, response.status(), response::toString);
            JsonNode attachments = response.json().get("attachments");
            assertEquals(upload.fileSizes().size(), attachments.size(), response::toString);
            for (int i = 0; i < attachments.size(); i++) {
                assertEquals((long) upload.fileSizes().get(i), attachments.get(i).get("size").asLong());
            }
            Set<String> added = new HashSet<>(deployment.store().keys());
            added.removeAll(keysBefore);
            assertEquals(upload.fileSizes().size(), added.size(), () -> "one stored object per file: " + added);
            Statistics.label("outcome").collect(expected);
            return;
        } else {
            assertProblem(response, 413, expected.substring("413 ".length()));
        }
        assertEquals(keysBefore, deployment.store().keys(), () -> "a refused upload left bytes behind: " + response);
        assertEquals(ticketsBefore, ticketCount(deployment.api()), () -> "a refused upload opened a ticket: " + response);
        Statistics.label("outcome").collect(expected);
    }

    /** The documented rules, in the order the body is read: the whole body, then each part in turn. */
    private static String expected(Upload upload, long bodyBytes) {
        if (bodyBytes > upload.requestLimitBytes()) {
            return "413 payload-too-large";
        }
        if (upload.paddingBytes() > MAX_FIELD_BYTES) {
            return "413 payload-too-large";
        }
        for (int i = 0; i < upload.fileSizes().size(); i++) {
            if (i == MAX_FILES) {
                return "413 too-many-files";
            }
            if (upload.fileSizes().get(i) > upload.limitBytes()) {
                return "413 payload-too-large";
            }
        }
        return "201";
    }

    @Provide
    Arbitrary<Upload> uploads() {
        return Arbitraries.of(LIMITS_MB).flatMap(mb -> {
            int limit = mb * 1024 * 1024;
            Arbitrary<Integer> sizes = Arbitraries.frequencyOf(
                    Tuple.of(2, Arbitraries.just(limit - 1)),
                    Tuple.of(2, Arbitraries.just(limit)),
                    Tuple.of(2, Arbitraries.just(limit + 1)),
                    Tuple.of(3, Arbitraries.integers().between(26, 5000)));
            Arbitrary<Integer> padding = Arbitraries.frequencyOf(
                    Tuple.of(4, Arbitraries.just(-1)),
                    Tuple.of(1, Arbitraries.just(MAX_FIELD_BYTES - 1)),
                    Tuple.of(1, Arbitraries.just(MAX_FIELD_BYTES)),
                    Tuple.of(1, Arbitraries.just(MAX_FIELD_BYTES + 1)));
            return Combinators.combine(padding, sizes.list().ofMinSize(1).ofMaxSize(MAX_FILES + 1))
                    .as((p, files) -> new Upload(mb, p, files));
        });
    }

    private Deployment deployment(int limitMb) {
        return deployments.computeIfAbsent(limitMb, mb -> {
            AttachmentStores store = attachmentStore();
            CognitoPool pool = CognitoPool.shared();
            Map<String, Object> properties = BackendProperties.forApp(BackendProperties.uniqueTableName(),
                    MotoServer.shared().endpoint(), pool);
            properties.put("helpdesk.max-upload-size-mb", Integer.toString(mb));
            properties.put("helpdesk.max-files-per-request", Integer.toString(MAX_FILES));
            properties.putAll(store.properties());
            ServerUnderTest server = runtime().start(properties);
            return new Deployment(server, new Api(server, pool), store);
        });
    }

    private static int ticketCount(Api api) {
        int count = 0;
        String cursor = null;
        do {
            ApiRequest request = ApiRequest.of("GET", "/api/tickets").query("limit", "100");
            if (cursor != null) {
                request.query("cursor", cursor);
            }
            ApiResponse page = api.as("dave", request);
            assertEquals(200, page.status(), page::toString);
            count += page.json().get("items").size();
            cursor = page.json().get("next_cursor").isNull() ? null : page.json().get("next_cursor").asText();
        } while (cursor != null);
        return count;
    }
}
