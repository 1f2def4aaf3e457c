package dev.hauntedhelpdesk.health;

import dev.hauntedhelpdesk.aws.AwsFailure;
import dev.hauntedhelpdesk.config.HelpdeskSettings;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/** Readiness is DOWN while the ticket table cannot be described (unreachable, missing, denied). */
@Singleton
@Readiness
class DynamoDbHealthIndicator implements HealthIndicator {

    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbHealthIndicator.class);

    private final DynamoDbClient dynamo;
    private final String table;
    private final ExecutorService blocking;

    DynamoDbHealthIndicator(DynamoDbClient dynamo, HelpdeskSettings settings,
                            @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.dynamo = dynamo;
        this.table = settings.tableName();
        this.blocking = blocking;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.fromCompletableFuture(CompletableFuture.supplyAsync(this::check, blocking));
    }

    private HealthResult check() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("table", table);
        long started = System.nanoTime();
        try {
            TableDescription description = dynamo.describeTable(b -> b.tableName(table)).table();
            details.put("table_status", description.tableStatusAsString());
            details.put("latency_ms", Latency.since(started));
            return HealthResult.builder("dynamodb", HealthStatus.UP).details(details).build();
        } catch (RuntimeException e) {
            LOG.warn("DynamoDB table {} is not reachable; readiness is DOWN: {}", table, AwsFailure.describe(e));
            details.put("error", e.getClass().getSimpleName());
            details.put("latency_ms", Latency.since(started));
            return HealthResult.builder("dynamodb", HealthStatus.DOWN).details(details).build();
        }
    }
}
