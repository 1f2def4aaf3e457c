package dev.hauntedhelpdesk.lambda;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.hauntedhelpdesk.testing.MotoServer;
import dev.hauntedhelpdesk.testing.SdkCallRecorder;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What Lambda's SQS event source mapping does for the triage function: a queue on moto, polled,
 * each batch handed to the real {@link TriageQueueHandler} as an {@link SQSEvent}, and the
 * messages it did not report as failures deleted (the rest come back after the visibility
 * timeout, as on SQS).
 */
final class SqsEventSource implements AutoCloseable {

    private static final ThreadLocal<Map<String, Object>> PROPERTIES = new ThreadLocal<>();
    private static final Region REGION = Region.US_EAST_1;

    private final SqsClient sqs;
    private final String queueUrl;
    private TriageQueueHandler handler;
    private Thread poller;
    private volatile boolean running = true;

    /** The production handler, with test properties added to the context it builds itself. */
    private static final class TestHandler extends TriageQueueHandler {
        @Override
        protected ApplicationContextBuilder newApplicationContextBuilder() {
            return super.newApplicationContextBuilder().properties(PROPERTIES.get());
        }
    }

    /**
     * A new instance of the triage function, as Lambda starts one, on {@code properties}; its SDK
     * calls are recorded as the template's {@code TriageFunction} role.
     */
    static TriageQueueHandler triageFunction(Map<String, Object> properties) {
        PROPERTIES.set(SdkCallRecorder.as(TriageQueueHandlerTest.ROLE, properties));
        try {
            return new TestHandler();
        } finally {
            PROPERTIES.remove();
        }
    }

    SqsEventSource() {
        sqs = SqsClient.builder().endpointOverride(MotoServer.shared().endpoint()).region(REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).httpClient(UrlConnectionHttpClient.create()).build();
        queueUrl = sqs.createQueue(b -> b.queueName("triage-" + UUID.randomUUID())
                .attributesWithStrings(Map.of("VisibilityTimeout", "5"))).queueUrl();
    }

    String queueUrl() {
        return queueUrl;
    }

    SqsClient sqs() {
        return sqs;
    }

    /** Points an application's dispatcher at this queue. */
    Map<String, Object> addTo(Map<String, Object> properties) {
        properties.put("helpdesk.triage.queue-url", queueUrl);
        properties.put("aws.services.sqs.endpoint-override", MotoServer.shared().endpoint().toString());
        return properties;
    }

    /** The triage function started by {@link #start}. */
    TriageQueueHandler handler() {
        return handler;
    }

    /** Starts a triage function with {@code properties} and feeds it whatever arrives on the queue. */
    SqsEventSource start(Map<String, Object> properties) {
        handler = triageFunction(properties);
        poller = new Thread(this::poll, "sqs-event-source");
        poller.setDaemon(true);
        poller.start();
        return this;
    }

    private void poll() {
        while (running) {
            try {
                List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                        .waitTimeSeconds(1).attributeNamesWithStrings("All")).messages();
                if (batch.isEmpty()) {
                    continue;
                }
                SQSBatchResponse response = handler.handleRequest(eventOf(batch), new MockLambdaContext());
                Set<String> failed = response.getBatchItemFailures().stream()
                        .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).collect(Collectors.toSet());
                batch.stream().filter(m -> !failed.contains(m.messageId()))
                        .forEach(m -> sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle())));
            } catch (RuntimeException e) {
                if (running) {
                    System.err.println("sqs-event-source: " + e);
                }
            }
        }
    }

    /** Received messages in the shape Lambda delivers them to a function. */
    static SQSEvent eventOf(List<Message> messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(messages.stream().map(message -> {
            SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
            record.setMessageId(message.messageId());
            record.setReceiptHandle(message.receiptHandle());
            record.setBody(message.body());
            record.setMd5OfBody(message.md5OfBody());
            record.setAttributes(message.attributesAsStrings());
            record.setEventSource("aws:sqs");
            record.setEventSourceArn("arn:aws:sqs:" + REGION.id() + ":123456789012:triage");
            record.setAwsRegion(REGION.id());
            return record;
        }).toList());
        return event;
    }

    @Override
    public void close() {
        running = false;
        if (poller != null) {
            try {
                poller.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (handler != null) {
            handler.close();
        }
        sqs.close();
    }
}
