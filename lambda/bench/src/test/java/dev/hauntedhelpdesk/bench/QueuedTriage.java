package dev.hauntedhelpdesk.bench;

import com.nimbusds.jose.util.JSONObjectUtils;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The triage queue's event, one message naming a ticket, as the event source mapping hands it to
 * the triage function (batch size 1). Every call names a fresh pending ticket of its own, made
 * just before it is sent, since a triaged ticket is not triaged again. Right when the batch
 * reports no failure and the ticket has left {@code pending} for an outcome in the table.
 */
final class QueuedTriage implements Workload {

    private static final Set<String> OUTCOMES = Set.of("resolved", "escalated");

    private final LocalDynamoDb dynamoDb;
    private final String requester;
    private final int warmCalls;
    private final List<String> sent = new ArrayList<>();

    QueuedTriage(LocalDynamoDb dynamoDb, String requester, int warmCalls) {
        this.dynamoDb = dynamoDb;
        this.requester = requester;
        this.warmCalls = warmCalls;
    }

    @Override
    public String event(int call) {
        String ticketId = dynamoDb.createTicket(UUID.randomUUID().toString(), requester);
        sent.add(ticketId);
        String messageId = UUID.randomUUID().toString();
        return """
                {"Records":[{"messageId":"%s","receiptHandle":"bench-%s",\
                "body":"{\\"ticket_id\\":\\"%s\\"}","attributes":{"ApproximateReceiveCount":"1",\
                "SentTimestamp":"%d"},"messageAttributes":{},"md5OfBody":"","eventSource":"aws:sqs",\
                "eventSourceARN":"arn:aws:sqs:us-east-1:000000000000:helpdesk-triage","awsRegion":"us-east-1"}]}"""
                .formatted(messageId, messageId, ticketId, System.currentTimeMillis());
    }

    @Override
    public String problem(String answer) {
        String ticketId = sent.get(sent.size() - 1);
        try {
            Object failures = JSONObjectUtils.parse(answer).get("batchItemFailures");
            if (!(failures instanceof List<?> list) || !list.isEmpty()) {
                return "reported the message as failed";
            }
        } catch (ParseException e) {
            return "answered something that is no batch response";
        }
        String status = dynamoDb.status(ticketId);
        return OUTCOMES.contains(status) ? null : "left ticket " + ticketId + " " + status + ", not triaged";
    }

    @Override
    public int warmCalls() {
        return warmCalls;
    }

    @Override
    public String warmCall() {
        return "triage";
    }
}
