package dev.hauntedhelpdesk.dynamodb;

import dev.hauntedhelpdesk.testing.BackendProperties;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.concurrent.ScheduledThreadPoolExecutor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The context's DynamoDB client keeps its call bounds on the project's timer, which drops a
 * timeout as soon as its call has answered (the SDK's own pool would hold two per call until
 * they are due), and stops with the context. That an overdue bound still aborts its call is
 * shown by {@link WriteFailuresTest} (a black-holed write ends after the attempt's bound).
 */
class TimeoutSchedulerTest {

    private static final int CALLS = 10;

    @Test
    void theContextsClient_schedulesItsBoundsOnTheTimer_andLeavesNoneQueuedOnceAnswered() {
        ScheduledThreadPoolExecutor timer;
        try (ApplicationContext context = ApplicationContext.run(
                BackendProperties.forApp(BackendProperties.uniqueTableName()))) {
            DynamoDbClient client = context.getBean(DynamoDbClient.class);
            timer = context.getBean(DynamoDbClientTimeouts.class).scheduler();

            for (int i = 0; i < CALLS; i++) {
                client.listTables();
            }

            assertTrue(client.serviceClientConfiguration().overrideConfiguration().scheduledExecutorService()
                    .isPresent(), "the client was given no timer");
            // The timer starts its thread for the first timeout scheduled on it.
            assertEquals(1, timer.getLargestPoolSize(), "no timeout was scheduled on the timer");
            // Each call scheduled two (its own bound and its attempt's) and cancelled both.
            assertEquals(0, timer.getQueue().size(), "timeouts still queued after their calls answered");
        }
        assertTrue(timer.isShutdown(), "the timer outlived its context");
    }
}
