package dev.hauntedhelpdesk.lambda;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.hauntedhelpdesk.testing.BackendProperties;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Each invocation's log lines carry, under AWS Powertools' key names, whether it was the
 * environment's cold start, the function's request id and name, and the trace id the Lambda
 * runtime gave the invocation when the request brought none of its own.
 */
class InvocationMdcTest {

    private static final String RUNTIME_TRACE = "1-5759e988-bd862e3fe1be46a994272793";

    @Test
    void accessLines_carryColdStart_requestId_functionName_andTheRuntimesTrace() {
        Map<String, Object> properties = BackendProperties.forApp(BackendProperties.uniqueTableName());
        ListAppender<ILoggingEvent> access = new ListAppender<>();
        access.start();
        Logger logger = (Logger) LoggerFactory.getLogger("access");
        logger.addAppender(access);
        String previousTrace = System.getProperty("com.amazonaws.xray.traceHeader");
        try (HttpApiEventFunction handler = LambdaRuntime.handler(properties, LambdaRuntime.TestV2Function::new)) {
            System.setProperty("com.amazonaws.xray.traceHeader", "Root=" + RUNTIME_TRACE + ";Parent=1;Sampled=0");
            Map<String, String> first = invoke(handler, access, "request-1");
            System.clearProperty("com.amazonaws.xray.traceHeader");
            Map<String, String> second = invoke(handler, access, "request-2");

            assertEquals("true", first.get("cold_start"), first::toString);
            assertEquals("request-1", first.get("function_request_id"), first::toString);
            assertEquals("helpdesk-api", first.get("function_name"), first::toString);
            assertEquals(RUNTIME_TRACE, first.get("trace_id"), first::toString);
            assertEquals("false", second.get("cold_start"), second::toString);
            assertEquals("request-2", second.get("function_request_id"), second::toString);
            assertNull(second.get("trace_id"), second::toString);
        } finally {
            logger.detachAppender(access);
            if (previousTrace == null) {
                System.clearProperty("com.amazonaws.xray.traceHeader");
            } else {
                System.setProperty("com.amazonaws.xray.traceHeader", previousTrace);
            }
        }
    }

    /** One GET /health/liveness invoked directly (no gateway, so no trace header); its access line's MDC. */
    private static Map<String, String> invoke(HttpApiEventFunction handler, ListAppender<ILoggingEvent> access,
                                              String requestId) {
        String correlation = UUID.randomUUID().toString();
        APIGatewayV2HTTPEvent event = LivenessEvents.get(Map.of("x-correlation-id", correlation));
        MockLambdaContext context = new MockLambdaContext() {
            @Override
            public String getAwsRequestId() {
                return requestId;
            }

            @Override
            public String getFunctionName() {
                return "helpdesk-api";
            }
        };
        assertEquals(200, handler.handleRequest(event, context).getStatusCode());
        synchronized (access) {
            List<ILoggingEvent> lines = access.list.stream()
                    .filter(e -> correlation.equals(e.getMDCPropertyMap().get("correlation_id"))).toList();
            assertEquals(1, lines.size(), access.list::toString);
            return lines.get(0).getMDCPropertyMap();
        }
    }
}
