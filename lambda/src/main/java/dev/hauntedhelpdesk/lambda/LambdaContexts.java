package dev.hauntedhelpdesk.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.function.aws.DefaultLambdaContextFactory;
import io.micronaut.function.aws.LambdaContextFactory;
import jakarta.inject.Singleton;

/**
 * Keeps each invocation's {@link Context} out of the bean context. The proxy's default factory
 * (micronaut-function-aws 4.11) registers every invocation's Context, logger, client context and
 * identity as new singletons, so a warm function's registrations grow by two per call and every
 * later bean lookup scans them. Nothing here injects those types: the request id reaches the
 * logs from the API Gateway event ({@link ApiGatewayRequestId}), and the proxy hands the Context
 * to the handler directly.
 */
@Singleton
@Replaces(DefaultLambdaContextFactory.class)
class LambdaContexts implements LambdaContextFactory {

    @Override
    public void registerSingletons(Context lambdaContext) {
        // Deliberately nothing; see the class comment.
    }
}
