package dev.hauntedhelpdesk.contract;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.hauntedhelpdesk.testing.BackendProperties;
import dev.hauntedhelpdesk.testing.CognitoPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The trace a request arrives with (the ALB's and API Gateway's {@code X-Amzn-Trace-Id} root, or a
 * W3C {@code traceparent}) is the {@code trace_id} of every log line the request writes, in every
 * runtime; a malformed one never reaches the logs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TraceLogContract {

    private static final String AMZN_ROOT = "1-67891233-abcdef012345678912345678";
    private static final String W3C_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    /** What a trace id may look like on a log line: an X-Ray root or a W3C trace id. */
    private static final Pattern WELL_FORMED = Pattern.compile("1-[0-9a-f]{8}-[0-9a-f]{24}|[0-9a-f]{32}");

    private ServerUnderTest server;
    private Api api;
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    protected abstract RuntimeUnderTest runtime();

    @BeforeAll
    void start() {
        server = runtime().start(BackendProperties.forApp(BackendProperties.uniqueTableName()));
        api = new Api(server, CognitoPool.shared());
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void record() {
        lines.list.clear();
        lines.start();
        root().addAppender(lines);
    }

    @AfterEach
    void stopRecording() {
        root().detachAppender(lines);
    }

    @Test
    void amznTraceRoot_isTheTraceIdOfEveryLineTheRequestLogs() {
        String correlation = UUID.randomUUID().toString();

        ApiResponse response = api.as("alice", ApiRequest.of("GET", "/api/tickets")
                .header("X-Correlation-ID", correlation)
                .header("X-Amzn-Trace-Id", "Root=" + AMZN_ROOT + ";Parent=53995c3f42cd8ad8;Sampled=1"));

        assertEquals(200, response.status(), response::toString);
        List<ILoggingEvent> logged = linesOf(correlation);
        assertTrue(logged.stream().anyMatch(e -> e.getLoggerName().equals("access")), logged::toString);
        logged.forEach(e -> assertEquals(AMZN_ROOT, e.getMDCPropertyMap().get("trace_id"), e::toString));
    }

    @Test
    void w3cTraceparent_isTheTraceId_whenNoAmznTraceIdCameWithIt() {
        String correlation = UUID.randomUUID().toString();

        ApiResponse response = api.send(ApiRequest.of("GET", "/health")
                .header("X-Correlation-ID", correlation)
                .header("traceparent", "00-" + W3C_TRACE + "-00f067aa0ba902b7-01"));

        assertEquals(200, response.status(), response::toString);
        List<ILoggingEvent> logged = linesOf(correlation);
        assertFalse(logged.isEmpty(), "the request logged its access line");
        // Behind API Gateway the gateway's own X-Amzn-Trace-Id comes first, as it does in AWS.
        logged.forEach(e -> {
            String trace = e.getMDCPropertyMap().get("trace_id");
            assertTrue(W3C_TRACE.equals(trace) || (gatewayAddsTrace() && trace.startsWith("1-")), e::toString);
        });
    }

    @Test
    void malformedTraceHeaders_neverReachTheLogs() {
        String correlation = UUID.randomUUID().toString();

        ApiResponse response = api.send(ApiRequest.of("GET", "/health")
                .header("X-Correlation-ID", correlation)
                .header("X-Amzn-Trace-Id", "Root=1-evil\"} injected")
                .header("traceparent", "00-" + "0".repeat(32) + "-00f067aa0ba902b7-01"));

        assertEquals(200, response.status(), response::toString);
        List<ILoggingEvent> logged = linesOf(correlation);
        assertFalse(logged.isEmpty(), "the request logged its access line");
        logged.forEach(e -> {
            String trace = e.getMDCPropertyMap().get("trace_id");
            assertTrue(trace == null ? !gatewayAddsTrace() : WELL_FORMED.matcher(trace).matches(), e::toString);
        });
    }

    /** True where a gateway in front (API Gateway) gives every request an X-Amzn-Trace-Id of its own. */
    protected abstract boolean gatewayAddsTrace();

    private List<ILoggingEvent> linesOf(String correlation) {
        // The appender adds under its own lock, from whichever thread logs.
        synchronized (lines) {
            return lines.list.stream()
                    .filter(e -> correlation.equals(e.getMDCPropertyMap().get("correlation_id")))
                    .toList();
        }
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
