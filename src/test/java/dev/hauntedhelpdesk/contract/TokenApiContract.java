package dev.hauntedhelpdesk.contract;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import dev.hauntedhelpdesk.testing.BackendProperties;
import dev.hauntedhelpdesk.testing.CognitoPool;
import dev.hauntedhelpdesk.testing.JwksServer;
import dev.hauntedhelpdesk.testing.MotoServer;
import dev.hauntedhelpdesk.testing.SignedTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.hauntedhelpdesk.contract.TicketApiContract.assertGatewayUnauthorized;
import static dev.hauntedhelpdesk.contract.TicketApiContract.assertProblem;
import static dev.hauntedhelpdesk.contract.TicketApiContract.assertUnauthorized;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How the service checks access tokens and fetches the keys that sign them, written once and run
 * in every runtime: time claims ({@code exp} required, {@code nbf}/{@code iat} not in the future
 * beyond the clock leeway), the key's {@code alg}, and a JWKS endpoint that refuses connections
 * or never answers. Tokens come from {@link SignedTokens}, a pool of the test's own whose keys a
 * {@link JwksServer} serves, so any claim can be signed.
 *
 * <p>Where the HTTP API's JWT authorizer stands in front, it refuses what API Gateway documents
 * it checks ({@code exp}, {@code nbf}, {@code iat}) before the service sees the request, and it
 * fetches the issuer's keys itself: the JWKS scenarios point only the service at a broken
 * endpoint and let the gateway model keep working keys, as a deployed API would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TokenApiContract {

    /** The default {@code COGNITO_JWKS_READ_TIMEOUT}. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(3);
    /** What a request may take while a JWKS failure is cached. */
    private static final Duration FAST = Duration.ofMillis(500);
    /** Well beyond the default 60 s {@code TOKEN_CLOCK_LEEWAY}. */
    private static final long BEYOND_LEEWAY = 600;
    private static final long WITHIN_LEEWAY = 20;

    private final SignedTokens tokens = new SignedTokens();
    private JwksServer jwks;
    private ServerUnderTest server;

    protected abstract RuntimeUnderTest runtime();

    @BeforeAll
    void start() {
        jwks = JwksServer.serving(tokens.publicKeys());
        server = runtime().start(properties(jwks.url()));
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        if (jwks != null) {
            jwks.close();
        }
    }

    /** The application trusting {@link #tokens}, with its keys at {@code serviceJwksUrl}. */
    private Map<String, Object> properties(String serviceJwksUrl) {
        Map<String, Object> properties = BackendProperties.forApp(BackendProperties.uniqueTableName(),
                MotoServer.shared().endpoint(), CognitoPool.shared());
        tokens.trustedBy(properties, serviceJwksUrl);
        // API Gateway fetches the issuer's keys itself, whatever the service's endpoint does.
        properties.put("test.gateway.jwks-url", jwks.url());
        return properties;
    }

    private static ApiResponse list(ServerUnderTest target, String token) {
        return target.send(ApiRequest.of("GET", "/api/tickets").header("Authorization", "Bearer " + token));
    }

    private ApiResponse list(String token) {
        return list(server, token);
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    // ---- time claims ----

    @Test
    void validToken_isAccepted() {
        ApiResponse response = list(tokens.accessToken("alice"));

        assertEquals(200, response.status(), response::toString);
    }

    @Test
    void tokenWithoutExp_is401() {
        Map<String, Object> claims = tokens.accessClaims("alice");
        claims.remove("exp");

        assertUnauthorized(server, list(tokens.sign(claims)));
    }

    @Test
    void tokenWithNullExp_is401() {
        Map<String, Object> claims = tokens.accessClaims("alice");
        claims.put("exp", null);

        assertUnauthorized(server, list(tokens.sign(claims)));
    }

    @Test
    void tokenWithNonNumericExp_is401() {
        Map<String, Object> claims = tokens.accessClaims("alice");
        claims.put("exp", String.valueOf(now() + 3600));

        assertEquals(401, list(tokens.sign(claims)).status());
    }

    @Test
    void expiredToken_is401() {
        Map<String, Object> claims = tokens.accessClaims("alice");
        claims.put("iat", now() - 7200);
        claims.put("exp", now() - 3600);

        assertUnauthorized(server, list(tokens.sign(claims)));
    }

    @Test
    void tokenWithNbfInTheFuture_is401() {
        Map<String, Object> claims = tokens.accessClaims("alice");
        claims.put("nbf", now() + BEYOND_LEEWAY);

        assertUnauthorized(server, list(tokens.sign(claims)));
    }

    @Test
    void tokenWithIatInTheFuture_is401() {
        Map<String, Object> claims = tokens.accessClaims("alice");
        claims.put("iat", now() + BEYOND_LEEWAY);

        assertUnauthorized(server, list(tokens.sign(claims)));
    }

    @Test
    void tokenWithNbfAndIatWithinTheClockLeeway_isAcceptedByTheService() {
        Map<String, Object> claims = tokens.accessClaims("alice");
        claims.put("nbf", now() + WITHIN_LEEWAY);
        claims.put("iat", now() + WITHIN_LEEWAY);

        ApiResponse response = list(tokens.sign(claims));

        if (server.authorizerInFront()) {
            // API Gateway documents no leeway: nbf and iat must be before the current time.
            assertGatewayUnauthorized(response);
        } else {
            assertEquals(200, response.status(), response::toString);
        }
    }

    // ---- the key's algorithm ----

    @Test
    void tokenSignedWithAnotherAlgorithmThanItsKeyStates_is401() {
        // The JWK says RS256; the same RSA key signs RS512. A JWT authorizer checks only that
        // the algorithm is RSA, so the service itself must refuse.
        String token = tokens.sign(tokens.accessClaims("alice"), SignedTokens.KEY_WITH_ALG, JWSAlgorithm.RS512);

        assertProblem(list(token), 401, "unauthorized");
    }

    @Test
    void tokenSignedByAKeyThatStatesNoAlgorithm_isAccepted() {
        String token = tokens.sign(tokens.accessClaims("alice"), SignedTokens.KEY_WITHOUT_ALG, JWSAlgorithm.RS384);

        ApiResponse response = list(token);

        assertEquals(200, response.status(), response::toString);
    }

    // ---- when the keys are fetched ----

    @Test
    void keysAreFetchedAsTheApplicationStarts_notByTheFirstRequest() {
        try (JwksServer keys = JwksServer.serving(tokens.publicKeys())) {
            try (ServerUnderTest target = runtime().start(properties(keys.url()))) {
                int beforeAnyRequest = keys.requests();

                ApiResponse response = list(target, tokens.accessToken("alice"));

                assertEquals(1, beforeAnyRequest, "key set fetches while the application started");
                assertEquals(200, response.status(), response::toString);
                assertEquals(1, keys.requests(), "the first request used the prefetched keys");
            }
        }
    }

    // ---- signatures already verified ----

    @Test
    void aTokenVerifiedBefore_isRefusedOnceThePoolDropsItsKey() {
        try (JwksServer rotating = JwksServer.serving(tokens.publicKeys())) {
            try (ServerUnderTest target = startWithShortKeyCache(rotating)) {
                String token = tokens.accessToken("alice");
                assertEquals(200, list(target, token).status());
                // Its signature is known now; the second answer does not check it again.
                assertEquals(200, list(target, token).status());

                // The pool drops the key that signed it; the gateway keeps trusting it, so the
                // service must refuse the token itself.
                rotating.serve(new JWKSet(tokens.publicKeys().getKeyByKeyId(SignedTokens.KEY_WITHOUT_ALG)));
                sleep(Duration.ofMillis(2500));

                assertProblem(list(target, token), 401, "unauthorized");
                String other = tokens.sign(tokens.accessClaims("alice"), SignedTokens.KEY_WITHOUT_ALG, JWSAlgorithm.RS256);
                assertEquals(200, list(target, other).status(), "the key the pool kept still verifies");
            }
        }
    }

    // ---- an unreachable JWKS endpoint ----

    @Test
    void blackHoledJwks_answers401Fast_andCachesTheFailure() {
        try (JwksServer blackHole = JwksServer.blackHoled()) {
            ListAppender<ILoggingEvent> log = jwksLog();
            List<Long> millis = timedRequests(properties(blackHole.url()), 4, tokens.accessToken("alice"));

            System.out.println("[jwks] black-holed endpoint, request latencies (ms): " + millis);
            assertWarnedOnce(log, blackHole.url(), "timed out");
            assertTrue(millis.get(0) < 2 * READ_TIMEOUT.toMillis(), () -> "first request took " + millis);
            millis.subList(1, millis.size()).forEach(ms ->
                    assertTrue(ms < FAST.toMillis(), () -> "a request while the failure is cached took " + millis));
            assertEquals(1, blackHole.requests(), "the failure is cached: one fetch, not one per request");
        }
    }

    @Test
    void refusedJwks_answers401Fast() {
        String refused = JwksServer.refusedUrl();
        ListAppender<ILoggingEvent> log = jwksLog();
        List<Long> millis = timedRequests(properties(refused), 4, tokens.accessToken("alice"));

        System.out.println("[jwks] refused endpoint, request latencies (ms): " + millis);
        assertWarnedOnce(log, refused, "refused");
        millis.forEach(ms -> assertTrue(ms < FAST.toMillis(), () -> "a request took " + millis));
    }

    @Test
    void knownKeysKeepValidating_whileJwksIsDown_andUnknownKeysAre401Fast() {
        try (JwksServer flaky = JwksServer.serving(tokens.publicKeys())) {
            try (ServerUnderTest target = startWithShortKeyCache(flaky)) {
                assertEquals(200, list(target, tokens.accessToken("alice")).status());
                flaky.blackHole();
                sleep(Duration.ofMillis(2500));

                List<Long> known = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    long started = System.nanoTime();
                    ApiResponse response = list(target, tokens.accessToken("alice"));
                    known.add(Duration.ofNanos(System.nanoTime() - started).toMillis());
                    assertEquals(200, response.status(), response::toString);
                }
                // Signed by a key the cached set does not have, as after a key rotation.
                String rotated = tokens.sign(tokens.accessClaims("alice"), "rotated-key", JWSAlgorithm.RS256);
                long started = System.nanoTime();
                ApiResponse unknown = list(target, rotated);
                long unknownMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();

                System.out.println("[jwks] endpoint down after the keys were cached: known key (ms) " + known
                        + ", unknown kid (ms) " + unknownMillis);
                assertUnauthorized(target, unknown);
                assertTrue(known.get(0) < 2 * READ_TIMEOUT.toMillis(), () -> "first refresh took " + known);
                known.subList(1, known.size()).forEach(ms ->
                        assertTrue(ms < FAST.toMillis(), () -> "requests after the failed refresh took " + known));
                assertTrue(unknownMillis < FAST.toMillis(), () -> "unknown kid took " + unknownMillis + " ms");

                // A signed-in caller (a cached key) sees the failing endpoint in the health details.
                ApiResponse health = target.send(ApiRequest.of("GET", "/health")
                        .header("Authorization", "Bearer " + tokens.accessToken("alice")));
                JsonNode jwksHealth = health.json().path("details").path("jwks");
                assertEquals("UP", jwksHealth.path("status").asText(), health::toString);
                assertEquals("fetch failing", jwksHealth.path("details").path("keys").asText(), health::toString);
                assertEquals(flaky.url(), jwksHealth.path("details").path("url").asText(), health::toString);
                assertTrue(jwksHealth.path("details").path("error").asText().contains("timed out"), health::toString);
            }
        }
    }

    /** The application fetching its keys from {@code keys} and keeping them 2 s, so a test sees the next fetch soon. */
    private ServerUnderTest startWithShortKeyCache(JwksServer keys) {
        Map<String, Object> properties = properties(keys.url());
        properties.put("helpdesk.cognito.jwks-cache-ttl", "2");
        return runtime().start(properties);
    }

    /** Starts the runtime, sends {@code count} requests with {@code token}, each must be 401; their latencies. */
    private List<Long> timedRequests(Map<String, Object> properties, int count, String token) {
        List<Long> millis = new ArrayList<>();
        try (ServerUnderTest target = runtime().start(properties)) {
            for (int i = 0; i < count; i++) {
                long started = System.nanoTime();
                ApiResponse response = list(target, token);
                millis.add(Duration.ofNanos(System.nanoTime() - started).toMillis());
                // The gateway has working keys and lets the token through: the service refuses it.
                assertProblem(response, 401, "unauthorized");
            }
        }
        return millis;
    }

    /** Records what the JWKS fetcher logs from now on (both runtimes run in this JVM). */
    private static ListAppender<ILoggingEvent> jwksLog() {
        Logger logger = (Logger) LoggerFactory.getLogger("dev.hauntedhelpdesk.security.JwksFailureCache");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        return appender;
    }

    /** One WARN for the failure, naming the endpoint and the cause, however many requests met it. */
    private static void assertWarnedOnce(ListAppender<ILoggingEvent> log, String url, String cause) {
        ((Logger) LoggerFactory.getLogger("dev.hauntedhelpdesk.security.JwksFailureCache")).detachAppender(log);
        List<String> warnings = log.list.stream().filter(e -> e.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertEquals(1, warnings.size(), () -> "one WARN per failure period expected: " + warnings);
        assertTrue(warnings.get(0).contains(url) && warnings.get(0).contains(cause), warnings::toString);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
