package dev.hauntedhelpdesk.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.hauntedhelpdesk.lambda.fakecrac.Core;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;

import java.util.Map;

/**
 * Runs in a fresh JVM: constructs the production handler the first argument names, with org.crac
 * bound to the stand-in CRaC implementation ({@code fakecrac}), lets the garbage collector run,
 * has org.crac notify a checkpoint and a restore, then sends one health event, as the first
 * invocation after a restore. Prints how many resources were registered and the answer's status.
 */
public final class SnapStartCheckpoint {

    private SnapStartCheckpoint() {
    }

    public static void main(String[] args) throws Exception {
        // Before org.crac.Core is loaded: it picks its implementation once, from this property.
        System.setProperty("org.crac.Core.Compat", Core.class.getPackageName());
        APIGatewayV2HTTPEventFunction handler = (APIGatewayV2HTTPEventFunction) Class.forName(args[0])
                .getConstructor().newInstance();
        // org.crac holds resources weakly: one the handler did not keep would be gone now.
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        org.crac.Core.checkpointRestore();
        System.out.println("REGISTERED " + Core.registered());
        APIGatewayV2HTTPResponse response = handler.handleRequest(LivenessEvents.get(Map.of("accept",
                "application/json")), new MockLambdaContext());
        System.out.println("RESULT status=" + response.getStatusCode());
        handler.close();
        System.exit(0);
    }
}
