package dev.hauntedhelpdesk.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import dev.hauntedhelpdesk.logging.TraceIds;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.function.aws.DefaultLambdaContextFactory;
import io.micronaut.function.aws.LambdaContextFactory;
import jakarta.inject.Singleton;
import org.slf4j.MDC;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs at the start of every invocation, for every handler (the proxy's and the queue's): puts
 * what each log line of the invocation should carry in the MDC, under the key names AWS Powertools
 * uses ({@code cold_start}, {@code function_request_id}, {@code function_name}), and the trace id
 * the Lambda runtime gives the invocation; a request's own trace header, read by the correlation
 * filter, takes precedence for an HTTP request.
 *
 * <p>It replaces the proxy's default factory (micronaut-function-aws 4.11), which registers every
 * invocation's Context, logger, client context and identity as new singletons, so a warm
 * function's registrations grow by two per call and every later bean lookup scans them. Nothing
 * here injects those types: the proxy hands the Context to the handler directly.
 */
@Singleton
@Replaces(DefaultLambdaContextFactory.class)
class InvocationMdc implements LambdaContextFactory {

    static final String COLD_START = "cold_start";
    static final String REQUEST_ID = "function_request_id";
    static final String FUNCTION_NAME = "function_name";

    /** One instance per execution environment, so its first invocation is the cold one. */
    private final AtomicBoolean first = new AtomicBoolean(true);

    @Override
    public void registerSingletons(Context lambdaContext) {
        // Lambda runs one invocation at a time per environment; each one replaces every key.
        MDC.put(COLD_START, Boolean.toString(first.getAndSet(false)));
        put(REQUEST_ID, lambdaContext.getAwsRequestId());
        put(FUNCTION_NAME, lambdaContext.getFunctionName());
        put(TraceIds.MDC_KEY, TraceIds.of(System.getProperty(TraceIds.LAMBDA_PROPERTY), null).orElse(null));
    }

    /**
     * Forgets the invocations made before a SnapStart snapshot (priming), so the first real one
     * after a restore is the cold start. Their keys (these, and the proxy's own {@code AWSRequestId}
     * and friends) are cleared from the init thread's MDC, so no later line carries a priming
     * request's id; nothing else runs on that thread before the first invocation.
     */
    void forget() {
        first.set(true);
        MDC.clear();
    }

    private static void put(String key, String value) {
        if (value == null || value.isEmpty()) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
