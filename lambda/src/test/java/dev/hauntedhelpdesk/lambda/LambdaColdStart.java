package dev.hauntedhelpdesk.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;

import java.util.Map;

/**
 * Runs in a fresh JVM as Lambda would: constructs the production handler (which reads only the
 * environment; the proxy's payload 2.0 handler, or the class the first argument names) and sends
 * it one health event. Prints the init and first-response times.
 */
public final class LambdaColdStart {

    private LambdaColdStart() {
    }

    public static void main(String[] args) {
        long started = System.nanoTime();
        APIGatewayV2HTTPEventFunction handler;
        try {
            handler = args.length == 0 ? new APIGatewayV2HTTPEventFunction()
                    : (APIGatewayV2HTTPEventFunction) Class.forName(args[0]).getConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            StringBuilder messages = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                messages.append(t.getMessage()).append('\n');
            }
            System.out.println("INIT FAILED: " + messages);
            System.exit(1);
            return;
        }
        long init = System.nanoTime();
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0").withRouteKey("$default").withRawPath("/health/ready").withRawQueryString("")
                .withHeaders(Map.of("host", "api.example.com"))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("cold-start")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET")
                                .withPath("/health/ready").withProtocol("HTTP/1.1").withSourceIp("127.0.0.1").build())
                        .build())
                .build();
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, new MockLambdaContext());
        long first = System.nanoTime();
        System.out.printf("RESULT status=%d init_ms=%d first_response_ms=%d%n", response.getStatusCode(),
                (init - started) / 1_000_000, (first - init) / 1_000_000);
        handler.close();
        System.exit(0);
    }
}
