package dev.hauntedhelpdesk.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hauntedhelpdesk.problem.ProblemType;
import dev.hauntedhelpdesk.testing.BackendProperties;
import dev.hauntedhelpdesk.testing.CognitoPool;
import io.micronaut.web.router.Router;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI document at {@code /openapi.yml} is served to anyone and says what the running
 * application really does: every route it serves is documented and every documented operation is
 * served (method and path), each operation answers only statuses (and media types) it documents,
 * and the fields a request schema requires are refused when left out.
 */
public abstract class OpenApiContract {

    /**
     * Routes the document leaves out on purpose, by path prefix: dev mode's token helper (only in
     * the dev environment, never deployed), the container's staff-only metrics scrape (not part of
     * the public API: the load balancer answers {@code /internal} itself) and this suite's
     * test-only fault routes.
     */
    public static final List<String> UNDOCUMENTED = List.of("/dev/", "/internal/", "/api/faults/");

    private static final String USER = "dave";
    private static final ObjectMapper JSON = new ObjectMapper();

    protected abstract RuntimeUnderTest runtime();

    @Test
    void document_isServedWithoutAToken_withTheSecuritySchemeAndTheProblemTypes() {
        try (ServerUnderTest server = start(false)) {
            ApiResponse response = server.send(ApiRequest.of("GET", "/openapi.yml"));

            assertEquals(200, response.status(), response::toString);
            assertEquals("application/yaml", mediaType(response), response::toString);
            OpenApiDocument document = OpenApiDocument.parse(response.body());
            assertEquals(buildVersion(), document.at("info", "version"));
            assertEquals("http", document.at("components", "securitySchemes", "cognito", "type"));
            assertEquals("bearer", document.at("components", "securitySchemes", "cognito", "scheme"));
            assertEquals("JWT", document.at("components", "securitySchemes", "cognito", "bearerFormat"));
            assertEquals(List.of(Map.of("cognito", List.of())), document.at("security"));
            List<String> types = Arrays.stream(ProblemType.values()).map(t -> t.uri().toString()).toList();
            assertEquals(types, document.at("components", "schemas", "Problem", "properties", "type", "enum"),
                    "the Problem schema lists exactly the problem types");
            assertFalse(document.operations().isEmpty());
        }
    }

    @Test
    void everyServedRoute_isDocumented_andEveryDocumentedOperation_isServed() {
        try (ServerUnderTest server = start(false)) {
            OpenApiDocument document = fetch(server);

            assertEquals(List.of(), RouteDrift.differences(routes(server), document.operations(), UNDOCUMENTED));
        }
    }

    /** The rule cannot pass vacuously: with the test-only fault routes switched on it names each. */
    @Test
    void aRouteAddedWithoutDocumentation_isReported() {
        try (ServerUnderTest server = start(true)) {
            OpenApiDocument document = fetch(server);

            List<String> differences = RouteDrift.differences(routes(server), document.operations(),
                    List.of("/dev/", "/internal/"));
            assertTrue(differences.contains("GET /api/faults/boom is served but not documented"), differences::toString);
            assertTrue(differences.stream().allMatch(d -> d.contains("/api/faults/")), differences::toString);
        }
    }

    @Test
    void everyDocumentedOperation_answersOnlyDocumentedStatuses_withTheirMediaTypes() {
        try (ServerUnderTest server = start(false)) {
            OpenApiDocument document = fetch(server);
            Api api = new Api(server, CognitoPool.shared());
            List<String> wrong = new ArrayList<>();
            for (OpenApiDocument.Operation op : document.operations()) {
                String path = withVariables(op.path(), Map.of());
                ApiResponse anonymous = server.send(request(op, path, valid(op)));
                if (!op.anonymous() && anonymous.status() != 401) {
                    wrong.add(op + " without a token answered " + anonymous.status() + ", not 401");
                }
                check(op, "without a token", anonymous, wrong);
                // Unknown ids: 404 on every ticket route; the rest succeed or refuse as documented.
                check(op, "with a token", api.as(USER, request(op, path, valid(op))), wrong);
            }
            assertEquals(List.of(), wrong);
        }
    }

    @Test
    void everyRequiredField_isRefusedWhenLeftOut_namingIt() {
        try (ServerUnderTest server = start(false)) {
            OpenApiDocument document = fetch(server);
            Api api = new Api(server, CognitoPool.shared());
            OpenApiDocument.Operation create = operation(document, "POST", "/api/tickets");
            ApiResponse created = api.as(USER, request(create, "/api/tickets", valid(create)));
            assertEquals(201, created.status(), created::toString);
            Map<String, String> ids = Map.of("ticketId", created.json().path("ticket_id").asText());
            List<String> wrong = new ArrayList<>();
            int checked = 0;
            for (OpenApiDocument.Operation op : document.operations()) {
                if (op.body().isEmpty()) {
                    continue;
                }
                for (String field : op.body().get().requiredFields()) {
                    Map<String, Object> body = valid(op);
                    body.remove(field);
                    ApiResponse answer = api.as(USER, request(op, withVariables(op.path(), ids), body));
                    checked++;
                    if (answer.status() != 400 && answer.status() != 422 || !op.documents(answer.status())
                            || !namedFields(answer).contains(field)) {
                        wrong.add(op + " without " + field + " answered " + answer);
                    }
                }
            }
            assertEquals(List.of(), wrong);
            assertTrue(checked >= 5, "required fields checked: " + checked);
        }
    }

    private ServerUnderTest start(boolean faults) {
        Map<String, Object> properties = BackendProperties.forApp(BackendProperties.uniqueTableName());
        if (faults) {
            properties.put("helpdesk.test.faults", "true");
        }
        return runtime().start(properties);
    }

    private static OpenApiDocument fetch(ServerUnderTest server) {
        ApiResponse response = server.send(ApiRequest.of("GET", "/openapi.yml"));
        assertEquals(200, response.status(), response::toString);
        return OpenApiDocument.parse(response.body());
    }

    /** What the application's router really serves. */
    private static List<RouteDrift.Route> routes(ServerUnderTest server) {
        Router router = server.applicationContext().getBean(Router.class);
        return router.uriRoutes()
                .map(r -> new RouteDrift.Route(r.getHttpMethodName(), r.getUriMatchTemplate().toPathString()))
                .distinct()
                .toList();
    }

    private static void check(OpenApiDocument.Operation op, String how, ApiResponse answer, List<String> wrong) {
        if (!op.documents(answer.status())) {
            wrong.add(op + " " + how + " answered undocumented " + answer.status() + ": " + answer);
            return;
        }
        var mediaTypes = op.statuses().get(Integer.toString(answer.status()));
        if (!mediaTypes.isEmpty() && !mediaTypes.contains(mediaType(answer))) {
            wrong.add(op + " " + how + " answered " + answer.status() + " as " + mediaType(answer)
                    + ", documented " + mediaTypes);
        }
    }

    private static OpenApiDocument.Operation operation(OpenApiDocument document, String method, String path) {
        return document.operations().stream()
                .filter(op -> op.method().equals(method) && op.path().equals(path))
                .findFirst().orElseThrow(() -> new AssertionError(method + " " + path + " is not documented"));
    }

    /** A body the schema accepts: its example, else a value per required property. */
    private static Map<String, Object> valid(OpenApiDocument.Operation op) {
        if (op.body().isEmpty()) {
            return Map.of();
        }
        OpenApiDocument.RequestBody body = op.body().get();
        Map<String, Object> valid = new LinkedHashMap<>(body.example());
        if (valid.isEmpty()) {
            for (String field : body.requiredFields()) {
                valid.put(field, sample(field));
            }
        }
        return valid;
    }

    private static Object sample(String field) {
        return switch (field) {
            case "severity" -> "low";
            case "files" -> List.of();
            default -> "OpenAPI walk: " + field;
        };
    }

    private static ApiRequest request(OpenApiDocument.Operation op, String path, Map<String, Object> body) {
        ApiRequest request = ApiRequest.of(op.method(), path);
        if (op.body().isEmpty()) {
            return request;
        }
        if (op.body().get().mediaType().equals("multipart/form-data")) {
            Multipart form = new Multipart();
            if (body.isEmpty()) {
                // A form without any part is malformed (400): send the field as text, not as a file.
                form.field("files[]", "");
            }
            body.forEach((name, value) -> {
                if (value instanceof List<?>) {
                    form.file("files[]", "walk.png", "image/png", SampleFiles.png(200, 7));
                } else {
                    form.field(name, String.valueOf(value));
                }
            });
            return form.to(op.method(), path);
        }
        try {
            return request.json(JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The path with each variable set from {@code values}, or to an id nothing has. */
    private static String withVariables(String path, Map<String, String> values) {
        StringBuilder sb = new StringBuilder();
        for (String part : path.split("(?=\\{)|(?<=})")) {
            if (part.startsWith("{")) {
                String name = part.substring(1, part.length() - 1);
                sb.append(values.getOrDefault(name, UUID.randomUUID().toString()));
            } else {
                sb.append(part);
            }
        }
        return sb.toString();
    }

    private static List<String> namedFields(ApiResponse answer) {
        JsonNode errors = answer.json().path("errors");
        return StreamSupport.stream(errors.spliterator(), false).map(e -> e.path("field").asText()).toList();
    }

    private static String mediaType(ApiResponse response) {
        String type = response.header("Content-Type");
        return type == null ? "" : type.split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
    }

    private static String buildVersion() {
        try (InputStream in = OpenApiContract.class.getResourceAsStream("/helpdesk-build.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
