package dev.hauntedhelpdesk.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.hauntedhelpdesk.testing.BackendProperties;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Invocations leave the application context as they found it. The proxy's default
 * {@code LambdaContextFactory} registers each invocation's {@link Context} (and its logger) as one
 * more singleton, so a warm function's bean lookups scan a list that grows by an entry or two per
 * call, and its memory with it; {@link InvocationMdc} registers nothing.
 */
class LambdaContextRegistrationsTest {

    private static final int INVOCATIONS = 200;

    @Test
    void invocations_registerNoBeans_soAWarmFunctionDoesNotGrow() {
        Map<String, Object> properties = BackendProperties.forApp(BackendProperties.uniqueTableName());
        try (HttpApiEventFunction handler = LambdaRuntime.handler(properties, LambdaRuntime.TestV2Function::new)) {
            ApplicationContext context = handler.getApplicationContext();
            // The first calls create the beans that are made on first use.
            invokeLiveness(handler, 3);
            int singletons = context.getActiveBeanRegistrations(Object.class).size();

            invokeLiveness(handler, INVOCATIONS);

            assertEquals(singletons, context.getActiveBeanRegistrations(Object.class).size(),
                    "active bean registrations after " + INVOCATIONS + " more invocations");
            assertTrue(context.getActiveBeanRegistrations(Context.class).size() <= 1,
                    "invocation contexts registered as beans: " + context.getActiveBeanRegistrations(Context.class).size());
        }
    }

    private static void invokeLiveness(HttpApiEventFunction handler, int times) {
        for (int i = 0; i < times; i++) {
            APIGatewayV2HTTPEvent event = LivenessEvents.get(Map.of("accept", "application/json"));
            // A new Context per invocation, as Lambda gives one.
            APIGatewayV2HTTPResponse response = handler.handleRequest(event, new MockLambdaContext());
            assertEquals(200, response.getStatusCode(), response.getBody());
        }
    }
}
