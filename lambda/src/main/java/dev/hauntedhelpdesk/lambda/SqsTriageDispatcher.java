package dev.hauntedhelpdesk.lambda;

import dev.hauntedhelpdesk.aws.AwsFailure;
import dev.hauntedhelpdesk.config.HelpdeskSettings;
import dev.hauntedhelpdesk.triage.TriageDispatcher;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Lambda's way to triage without making the caller wait: the ticket id goes to the SQS queue
 * {@code TRIAGE_QUEUE_URL}, whose events {@link TriageQueueHandler} in this same artifact
 * consumes. Without a queue URL there is no dispatcher and new tickets wait for {@code /process}.
 */
@Singleton
@Requires(property = "helpdesk.triage.queue-url", pattern = ".+")
class SqsTriageDispatcher implements TriageDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(SqsTriageDispatcher.class);

    private final SqsClient sqs;
    private final String queueUrl;

    SqsTriageDispatcher(SqsClient sqs, HelpdeskSettings settings) {
        this.sqs = sqs;
        this.queueUrl = settings.triage().queueUrl();
    }

    @Override
    public boolean dispatch(String ticketId) {
        return send(new TriageMessage(ticketId, false, null));
    }

    @Override
    public boolean dispatchRequested(String ticketId, String runId) {
        return send(new TriageMessage(ticketId, true, runId));
    }

    private boolean send(TriageMessage message) {
        try {
            sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(message.body()));
            return true;
        } catch (SdkException e) {
            LOG.warn("Could not queue ticket {} for triage: {}", message.ticketId(), AwsFailure.describe(e));
            return false;
        }
    }
}
