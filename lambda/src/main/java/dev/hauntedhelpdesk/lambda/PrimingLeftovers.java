package dev.hauntedhelpdesk.lambda;

import io.micronaut.context.ApplicationContext;

/**
 * What SnapStart priming leaves in a function that the first real invocation after a restore must
 * not inherit: the meters its requests and reads touched (they would be written as that
 * invocation's) and the cold-start flag its requests cleared.
 */
final class PrimingLeftovers {

    private PrimingLeftovers() {
    }

    static Runnable of(ApplicationContext context) {
        return () -> {
            context.getBean(EmbeddedMetrics.class).discard();
            context.getBean(InvocationMdc.class).forget();
        };
    }
}
