package dev.hauntedhelpdesk.ticket;

import dev.hauntedhelpdesk.config.HelpdeskSettings;
import dev.hauntedhelpdesk.dynamodb.HelpdeskTable;
import dev.hauntedhelpdesk.dynamodb.StoreFailures;
import dev.hauntedhelpdesk.dynamodb.WriteFailures;
import dev.hauntedhelpdesk.dynamodb.WriteOutcomeUnknownException;
import jakarta.inject.Singleton;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Tickets in the single DynamoDB table. Every write is conditional (create only if absent, update
 * only at the expected version) and every list is a Query on an index, never a Scan.
 */
@Singleton
class DynamoDbTicketRepository implements TicketRepository {

    private static final String IDEMPOTENCY_PREFIX = "IDEMPOTENCY#";
    private static final String IDEMPOTENCY_SK = "IDEMPOTENCY";
    private static final String OWNER = "owner";
    private static final String FINGERPRINT = "fingerprint";
    /** Retries of a create are expected within minutes; a day is generous and bounds storage. */
    private static final long IDEMPOTENCY_TTL_HOURS = 24;
    /** Filtered list pages stop after this many reads and hand back a cursor instead. */
    private static final int MAX_QUERY_ROUNDS = 10;
    private static final int FILTERED_READ = 100;

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoDbTicketRepository(DynamoDbClient dynamo, HelpdeskSettings settings) {
        this.dynamo = dynamo;
        this.table = settings.tableName();
    }

    /**
     * Stores the ticket under the id the service generated before the write, which is what lets
     * an ambiguous outcome be settled: when an answer is lost (timeout, connection dropped after
     * sending) the SDK retries, and a retry that finds the ticket already there found this call's
     * own earlier attempt; when every attempt failed, a consistent read of that id says whether it
     * was stored. Only when that cannot be known either does the create say so.
     */
    @Override
    public Created create(Ticket ticket, IdempotencyClaim claim) {
        Put putTicket = Put.builder().tableName(table).item(DynamoDbTicketItems.toItem(ticket))
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", HelpdeskTable.PK))
                .build();
        try {
            if (claim == null) {
                dynamo.putItem(b -> b.tableName(table).item(putTicket.item())
                        .conditionExpression(putTicket.conditionExpression())
                        .expressionAttributeNames(putTicket.expressionAttributeNames()));
            } else {
                dynamo.transactWriteItems(b -> b.transactItems(
                        TransactWriteItem.builder().put(idempotencyRecord(ticket, claim)).build(),
                        TransactWriteItem.builder().put(putTicket).build()));
            }
            return new Created(ticket, false);
        } catch (ConditionalCheckFailedException e) {
            // The id is this call's own random UUID: only an earlier attempt of this call wrote it.
            return new Created(ticket, false);
        } catch (TransactionCanceledException e) {
            if (!keyAlreadyUsed(e)) {
                // Cancelled (a conflict, say): nothing of this attempt, but an earlier one may have landed.
                return settle(ticket, e);
            }
            return replay(ticket, claim, e);
        } catch (SdkException e) {
            return settle(ticket, e);
        }
    }

    private Put idempotencyRecord(Ticket ticket, IdempotencyClaim claim) {
        long now = Instant.now().getEpochSecond();
        Map<String, AttributeValue> record = new HashMap<>(idempotencyKey(claim));
        record.put(DynamoDbTicketItems.TICKET_ID, AttributeValue.fromS(ticket.ticketId()));
        record.put(OWNER, AttributeValue.fromS(claim.requester()));
        record.put(FINGERPRINT, AttributeValue.fromS(claim.fingerprint()));
        record.put(HelpdeskTable.EXPIRES_AT, AttributeValue.fromN(Long.toString(
                Instant.ofEpochSecond(now).plus(IDEMPOTENCY_TTL_HOURS, ChronoUnit.HOURS).getEpochSecond())));
        return Put.builder().tableName(table).item(record)
                // An expired record that TTL has not swept yet no longer binds the key.
                .conditionExpression("attribute_not_exists(#pk) OR #exp < :now")
                .expressionAttributeNames(Map.of("#pk", HelpdeskTable.PK, "#exp", HelpdeskTable.EXPIRES_AT))
                .expressionAttributeValues(Map.of(":now", AttributeValue.fromN(Long.toString(now))))
                .build();
    }

    /** The key is taken: by this very call's earlier attempt (then it is no replay), or by an earlier request. */
    private Created replay(Ticket ticket, IdempotencyClaim claim, TransactionCanceledException cancelled) {
        Map<String, AttributeValue> existing;
        try {
            existing = dynamo.getItem(b -> b.tableName(table).key(idempotencyKey(claim)).consistentRead(true)).item();
        } catch (SdkException e) {
            // Whose record it is stays unknown, so whether this call stored its ticket does too.
            e.addSuppressed(cancelled);
            throw WriteOutcomeUnknownException.ofCreate(ticket.ticketId(), e);
        }
        if (existing == null || existing.isEmpty() || !claim.fingerprint().equals(existing.get(FINGERPRINT).s())) {
            throw new IdempotencyKeyReusedException();
        }
        String ticketId = existing.get(DynamoDbTicketItems.TICKET_ID).s();
        if (ticketId.equals(ticket.ticketId())) {
            return new Created(ticket, false);
        }
        Ticket stored = find(ticketId).orElseThrow(() -> new TicketNotFoundException(ticketId));
        return new Created(stored, true);
    }

    /** Every attempt failed: a write that cannot have happened is retryable, else read what is there. */
    private Created settle(Ticket ticket, SdkException failure) {
        if (WriteFailures.nothingWritten(failure)) {
            throw StoreFailures.of(failure);
        }
        Map<String, AttributeValue> item;
        try {
            item = dynamo.getItem(b -> b.tableName(table).key(DynamoDbTicketItems.key(ticket.ticketId()))
                    .consistentRead(true)).item();
        } catch (SdkException e) {
            failure.addSuppressed(e);
            throw WriteOutcomeUnknownException.ofCreate(ticket.ticketId(), failure);
        }
        if (item != null && !item.isEmpty()) {
            return new Created(DynamoDbTicketItems.fromItem(item), false);
        }
        // Not there now, but a lost attempt may still be applied later: DynamoDB gives no way to
        // withdraw it. The client's retry with the same key settles it either way.
        throw WriteOutcomeUnknownException.ofCreate(ticket.ticketId(), failure);
    }

    private static boolean keyAlreadyUsed(TransactionCanceledException cancelled) {
        List<CancellationReason> reasons = cancelled.cancellationReasons();
        return !reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.get(0).code());
    }

    private static Map<String, AttributeValue> idempotencyKey(IdempotencyClaim claim) {
        return Map.of(
                HelpdeskTable.PK, AttributeValue.fromS(IDEMPOTENCY_PREFIX + claim.requester() + "#" + claim.key()),
                HelpdeskTable.SK, AttributeValue.fromS(IDEMPOTENCY_SK));
    }

    @Override
    public Optional<Ticket> find(String ticketId) {
        if (!TicketIds.isWellFormed(ticketId)) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = call(() -> dynamo.getItem(b -> b.tableName(table)
                .key(DynamoDbTicketItems.key(ticketId)).consistentRead(true))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(DynamoDbTicketItems.fromItem(item));
    }

    /**
     * An UpdateItem that sets every ticket attribute rather than a PutItem of the whole item, so
     * the triage lease attributes, which are no part of the ticket, survive an edit made while a
     * run holds the lease.
     */
    @Override
    public Ticket update(Ticket ticket, long expectedVersion) {
        requireWellFormed(ticket.ticketId());
        Ticket next = ticket.withVersion(expectedVersion + 1);
        Map<String, AttributeValue> item = DynamoDbTicketItems.toItem(next);
        DynamoDbTicketItems.key(ticket.ticketId()).keySet().forEach(item::remove);
        Map<String, String> names = new HashMap<>(Map.of("#pk", HelpdeskTable.PK, "#v", DynamoDbTicketItems.VERSION));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":expected",
                AttributeValue.fromN(Long.toString(expectedVersion))));
        List<String> sets = new ArrayList<>();
        item.forEach((name, value) -> {
            names.put("#a" + sets.size(), name);
            values.put(":a" + sets.size(), value);
            sets.add("#a" + sets.size() + " = :a" + sets.size());
        });
        List<String> removes = new ArrayList<>();
        for (String optional : List.of(DynamoDbTicketItems.CATEGORY, DynamoDbTicketItems.ASSIGNEE, DynamoDbTicketItems.RESOLUTION)) {
            if (!item.containsKey(optional)) {
                names.put("#r" + removes.size(), optional);
                removes.add("#r" + removes.size());
            }
        }
        String expression = "SET " + String.join(", ", sets)
                + (removes.isEmpty() ? "" : " REMOVE " + String.join(", ", removes));
        try {
            write(ticket.ticketId(), () -> dynamo.updateItem(b -> b.tableName(table)
                    .key(DynamoDbTicketItems.key(ticket.ticketId()))
                    .updateExpression(expression)
                    .conditionExpression("attribute_exists(#pk) AND #v = :expected")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
            return next;
        } catch (ConditionalCheckFailedException failed) {
            if (failed.hasItem() && !failed.item().isEmpty()) {
                if (DynamoDbTicketItems.fromItem(failed.item()).equals(next)) {
                    // An earlier attempt of this call stored it and its answer was lost.
                    return next;
                }
                throw new VersionMismatchException(ticket.ticketId());
            }
            throw new TicketNotFoundException(ticket.ticketId());
        }
    }

    @Override
    public Optional<TriageState> findForTriage(String ticketId) {
        if (!TicketIds.isWellFormed(ticketId)) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = call(() -> dynamo.getItem(b -> b.tableName(table)
                .key(DynamoDbTicketItems.key(ticketId)).consistentRead(true))).item();
        return item == null || item.isEmpty() ? Optional.empty()
                : Optional.of(new TriageState(DynamoDbTicketItems.fromItem(item), DynamoDbTicketItems.lease(item)));
    }

    @Override
    public Optional<String> recordedTriageResult(String ticketId, String runId) {
        if (!TicketIds.isWellFormed(ticketId)) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = call(() -> dynamo.getItem(b -> b.tableName(table)
                .key(DynamoDbTicketItems.key(ticketId)).consistentRead(true)
                .projectionExpression("#run, #lease, #wr")
                .expressionAttributeNames(Map.of("#run", DynamoDbTicketItems.TRIAGE_RUN_ID,
                        "#lease", DynamoDbTicketItems.LEASE_UNTIL, "#wr", DynamoDbTicketItems.WORKFLOW_RESULT))))
                .item();
        // The claim sets the run id with a lease and the record releases the lease as it writes
        // the result, so this run's id without a lease means the result is this run's.
        if (item == null || !runId.equals(DynamoDbTicketItems.runId(item)) || DynamoDbTicketItems.lease(item) != null) {
            return Optional.empty();
        }
        return Optional.ofNullable(item.get(DynamoDbTicketItems.WORKFLOW_RESULT)).map(AttributeValue::s);
    }

    /** Names every claim and record expression uses. */
    private static Map<String, String> leaseNames() {
        return Map.of("#pk", HelpdeskTable.PK, "#st", HelpdeskTable.STATUS, "#run", DynamoDbTicketItems.TRIAGE_RUN_ID,
                "#lease", DynamoDbTicketItems.LEASE_UNTIL, "#upd", DynamoDbTicketItems.UPDATED_AT,
                "#log", DynamoDbTicketItems.WORKFLOW_LOG, "#v", DynamoDbTicketItems.VERSION);
    }

    @Override
    public ClaimOutcome claimTriage(String ticketId, TriageClaim claim) {
        if (!TicketIds.isWellFormed(ticketId)) {
            return new Refused(Optional.empty());
        }
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":seen", AttributeValue.fromS(claim.seen().wire()),
                ":processing", AttributeValue.fromS(TicketStatus.PROCESSING.wire()),
                ":run", AttributeValue.fromS(claim.runId()),
                ":until", AttributeValue.fromS(Timestamps.format(claim.leaseUntil())),
                ":upd", AttributeValue.fromS(Timestamps.format(claim.now())),
                ":log", DynamoDbTicketItems.entries(claim.entries()),
                ":empty", AttributeValue.fromL(List.of()),
                ":one", AttributeValue.fromN("1")));
        String condition = "attribute_exists(#pk) AND #st = :seen";
        if (claim.seen() == TicketStatus.PROCESSING) {
            // Taking over from a run that can no longer be alive; an item claimed before leases
            // were stored has its lease start in updated_at.
            condition += " AND (#lease < :upd OR (attribute_not_exists(#lease) AND #upd < :stale))";
            values.put(":stale", AttributeValue.fromS(Timestamps.format(claim.staleBefore())));
        }
        String expression = condition;
        try {
            Map<String, AttributeValue> item = write(ticketId, () -> dynamo.updateItem(b -> b.tableName(table)
                    .key(DynamoDbTicketItems.key(ticketId))
                    .updateExpression("SET #st = :processing, #run = :run, #lease = :until, #upd = :upd, "
                            + "#log = list_append(if_not_exists(#log, :empty), :log) ADD #v :one")
                    .conditionExpression(expression)
                    .expressionAttributeNames(leaseNames())
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)))
                    .attributes();
            return new Claimed(DynamoDbTicketItems.fromItem(item));
        } catch (ConditionalCheckFailedException failed) {
            if (!failed.hasItem() || failed.item().isEmpty()) {
                return new Refused(Optional.empty());
            }
            TriageLease lease = DynamoDbTicketItems.lease(failed.item());
            if (lease != null && claim.runId().equals(lease.runId())) {
                // An earlier attempt of this call claimed it and its answer was lost.
                return new Claimed(DynamoDbTicketItems.fromItem(failed.item()));
            }
            return new Refused(Optional.of(new TriageState(DynamoDbTicketItems.fromItem(failed.item()), lease)));
        }
    }

    @Override
    public RecordOutcome recordTriage(String ticketId, TriageRecord record) {
        requireWellFormed(ticketId);
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":processing", AttributeValue.fromS(TicketStatus.PROCESSING.wire()),
                ":run", AttributeValue.fromS(record.runId()),
                ":upd", AttributeValue.fromS(record.updatedAt()),
                ":log", DynamoDbTicketItems.entries(record.entries()),
                ":empty", AttributeValue.fromL(List.of()),
                ":one", AttributeValue.fromN("1")));
        Map<String, String> names = new HashMap<>(leaseNames());
        List<String> sets = new ArrayList<>(List.of("#log = list_append(if_not_exists(#log, :empty), :log)",
                "#upd = :upd"));
        if (record.result() != null) {
            // Also in the log-only write: the run's caller gets its result either way.
            names.put("#wr", DynamoDbTicketItems.WORKFLOW_RESULT);
            values.put(":wr", AttributeValue.fromS(record.result()));
            sets.add("#wr = :wr");
        }
        if (record.category() != null) {
            names.put("#cat", DynamoDbTicketItems.CATEGORY);
            values.put(":cat", AttributeValue.fromS(record.category()));
            sets.add("#cat = if_not_exists(#cat, :cat)");
        }
        String owned = "attribute_exists(#pk) AND #run = :run AND attribute_exists(#lease)";
        // The log-only write, for a ticket whose status was changed while the run held it.
        List<String> logOnly = List.copyOf(sets);
        names.put("#res", DynamoDbTicketItems.RESOLUTION);
        values.put(":status", AttributeValue.fromS(record.status()));
        sets.add("#st = :status");
        String removeResolution = "";
        if (record.resolution() != null) {
            values.put(":res", AttributeValue.fromS(record.resolution()));
            sets.add("#res = :res");
        } else {
            removeResolution = ", #res";
        }
        RecordOutcome outcome = recordWrite(ticketId, "SET " + String.join(", ", sets) + " REMOVE #lease"
                + removeResolution + " ADD #v :one", owned + " AND #st = :processing", names, values);
        if (outcome != null) {
            return outcome;
        }
        names.remove("#res");
        values.keySet().removeAll(List.of(":status", ":res", ":processing"));
        outcome = recordWrite(ticketId, "SET " + String.join(", ", logOnly) + " REMOVE #lease ADD #v :one",
                owned, names, values);
        return outcome == null || outcome == RecordOutcome.RECORDED ? RecordOutcome.LOG_ONLY : outcome;
    }

    /**
     * One write of a run's outcome; {@code null} when it did not apply because the status was
     * changed from {@code processing} while this run still held the lease.
     */
    private RecordOutcome recordWrite(String ticketId, String update, String condition, Map<String, String> names,
                                      Map<String, AttributeValue> values) {
        Map<String, String> used = new HashMap<>(names);
        used.keySet().removeIf(name -> !update.contains(name) && !condition.contains(name));
        try {
            write(ticketId, () -> dynamo.updateItem(b -> b.tableName(table).key(DynamoDbTicketItems.key(ticketId))
                    .updateExpression(update)
                    .conditionExpression(condition)
                    .expressionAttributeNames(used)
                    .expressionAttributeValues(values)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
            return RecordOutcome.RECORDED;
        } catch (ConditionalCheckFailedException failed) {
            if (!failed.hasItem() || failed.item().isEmpty()) {
                return RecordOutcome.TICKET_GONE;
            }
            String runId = values.get(":run").s();
            if (!runId.equals(DynamoDbTicketItems.runId(failed.item()))) {
                return RecordOutcome.LEASE_LOST;
            }
            if (DynamoDbTicketItems.lease(failed.item()) == null) {
                // The run id stays after the lease is released: an earlier attempt of this call
                // recorded and its answer was lost.
                return RecordOutcome.RECORDED;
            }
            return null;
        }
    }

    @Override
    public Ticket addAttachments(String ticketId, List<Attachment> attachments, List<WorkflowEntry> entries,
                                 String updatedAt) {
        requireWellFormed(ticketId);
        try {
            Map<String, AttributeValue> item = write(ticketId, () -> dynamo.updateItem(b -> b.tableName(table)
                    .key(DynamoDbTicketItems.key(ticketId))
                    // list_append never drops what a concurrent writer appended; the version bump
                    // makes a PATCH holding the old ETag fail instead of overwriting these.
                    .updateExpression("SET #att = list_append(if_not_exists(#att, :empty), :att), "
                            + "#log = list_append(if_not_exists(#log, :empty), :log), #upd = :upd ADD #v :one")
                    // The cap is checked by the write itself: two appends that each read room for
                    // their files cannot both pass it.
                    .conditionExpression("attribute_exists(#pk) AND (attribute_not_exists(#att) OR size(#att) <= :room)")
                    .expressionAttributeNames(Map.of("#pk", HelpdeskTable.PK, "#att", DynamoDbTicketItems.ATTACHMENTS,
                            "#log", DynamoDbTicketItems.WORKFLOW_LOG, "#upd", DynamoDbTicketItems.UPDATED_AT,
                            "#v", DynamoDbTicketItems.VERSION))
                    .expressionAttributeValues(Map.of(
                            ":att", DynamoDbTicketItems.attachments(attachments),
                            ":log", DynamoDbTicketItems.entries(entries),
                            ":empty", AttributeValue.fromL(List.of()),
                            ":upd", AttributeValue.fromS(updatedAt),
                            ":one", AttributeValue.fromN("1"),
                            ":room", AttributeValue.fromN(Integer.toString(MAX_ATTACHMENTS - attachments.size()))))
                    .returnValues(ReturnValue.ALL_NEW)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)))
                    .attributes();
            return DynamoDbTicketItems.fromItem(item);
        } catch (ConditionalCheckFailedException failed) {
            if (!failed.hasItem() || failed.item().isEmpty()) {
                throw new TicketNotFoundException(ticketId);
            }
            Ticket current = DynamoDbTicketItems.fromItem(failed.item());
            if (current.attachments().stream().anyMatch(a -> a.attachmentId().equals(attachments.get(0).attachmentId()))) {
                // An earlier attempt of this call appended them and its answer was lost.
                return current;
            }
            throw new TooManyAttachmentsException(MAX_ATTACHMENTS);
        }
    }

    /** An id of another shape names no ticket; it never becomes a key DynamoDB might refuse. */
    private static void requireWellFormed(String ticketId) {
        if (!TicketIds.isWellFormed(ticketId)) {
            throw new TicketNotFoundException(ticketId);
        }
    }

    @Override
    public void delete(String ticketId) {
        requireWellFormed(ticketId);
        try {
            write(ticketId, () -> dynamo.deleteItem(b -> b.tableName(table).key(DynamoDbTicketItems.key(ticketId))
                    .conditionExpression("attribute_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", HelpdeskTable.PK))));
        } catch (ConditionalCheckFailedException e) {
            throw new TicketNotFoundException(ticketId);
        }
    }

    @Override
    public TicketPage list(TicketQuery query) {
        String index;
        String partitionAttribute;
        String partitionValue;
        boolean filterStatus = false;
        if (query.requester() != null) {
            index = HelpdeskTable.BY_REQUESTER;
            partitionAttribute = HelpdeskTable.REQUESTER;
            partitionValue = query.requester();
            filterStatus = query.status() != null;
        } else if (query.status() != null) {
            index = HelpdeskTable.BY_STATUS;
            partitionAttribute = HelpdeskTable.STATUS;
            partitionValue = query.status().wire();
        } else {
            index = HelpdeskTable.ALL_TICKETS;
            partitionAttribute = HelpdeskTable.ENTITY;
            partitionValue = DynamoDbTicketItems.ENTITY_TICKET;
        }
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        String filter = null;
        if (filterStatus) {
            names.put("#s", HelpdeskTable.STATUS);
            values.put(":s", AttributeValue.fromS(query.status().wire()));
            filter = "#s = :s";
        }
        return query(index, partitionAttribute, partitionValue, filter, names, values, query.limit(), query.after());
    }

    @Override
    public TicketPage expiredTriageLeases(Instant now, Instant staleBefore, int limit, PageCursor after) {
        return query(HelpdeskTable.BY_STATUS, HelpdeskTable.STATUS, TicketStatus.PROCESSING.wire(),
                "#lease < :now OR (attribute_not_exists(#lease) AND #upd < :stale)",
                Map.of("#lease", DynamoDbTicketItems.LEASE_UNTIL, "#upd", DynamoDbTicketItems.UPDATED_AT),
                Map.of(":now", AttributeValue.fromS(Timestamps.format(now)),
                        ":stale", AttributeValue.fromS(Timestamps.format(staleBefore))),
                limit, after);
    }

    /** One page of a Query on {@code index}, newest first, optionally filtered. */
    private TicketPage query(String index, String partitionAttribute, String partitionValue, String filter,
                             Map<String, String> filterNames, Map<String, AttributeValue> filterValues,
                             int limit, PageCursor after) {
        boolean filtered = filter != null;
        Map<String, String> names = new HashMap<>(filterNames);
        names.put("#p", partitionAttribute);
        Map<String, AttributeValue> values = new HashMap<>(filterValues);
        values.put(":p", AttributeValue.fromS(partitionValue));
        Map<String, AttributeValue> startKey = after == null ? null
                : startKey(after, partitionAttribute, partitionValue);

        List<Ticket> items = new ArrayList<>();
        for (int round = 0; round < MAX_QUERY_ROUNDS; round++) {
            QueryRequest.Builder request = QueryRequest.builder().tableName(table).indexName(index)
                    .keyConditionExpression("#p = :p")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .scanIndexForward(false)
                    // A filtered query drops items after reading them, so read generously; an
                    // unfiltered one reads just one more than it needs, to know if a next page exists.
                    .limit(filtered ? FILTERED_READ : limit - items.size() + 1)
                    .exclusiveStartKey(startKey);
            if (filtered) {
                request.filterExpression(filter);
            }
            QueryResponse response = call(() -> dynamo.query(request.build()));
            List<Map<String, AttributeValue>> page = response.items();
            for (int i = 0; i < page.size(); i++) {
                items.add(DynamoDbTicketItems.fromItem(page.get(i)));
                if (items.size() == limit) {
                    boolean more = i < page.size() - 1 || response.hasLastEvaluatedKey()
                            && !response.lastEvaluatedKey().isEmpty();
                    return new TicketPage(items, more ? cursorAfter(items.get(items.size() - 1)) : null);
                }
            }
            if (!response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty()) {
                return new TicketPage(items, null);
            }
            startKey = response.lastEvaluatedKey();
        }
        // Many filtered-out items: return what was found and let the client continue from here.
        return new TicketPage(items, new PageCursor(startKey.get(HelpdeskTable.CREATED_KEY).s()).encode());
    }

    private static String cursorAfter(Ticket last) {
        return new PageCursor(DynamoDbTicketItems.createdKey(last)).encode();
    }

    private static Map<String, AttributeValue> startKey(PageCursor cursor, String partitionAttribute,
                                                        String partitionValue) {
        Map<String, AttributeValue> key = new HashMap<>(DynamoDbTicketItems.key(cursor.ticketId()));
        key.put(partitionAttribute, AttributeValue.fromS(partitionValue));
        key.put(HelpdeskTable.CREATED_KEY, AttributeValue.fromS(cursor.createdKey()));
        return key;
    }

    /**
     * Runs one write to an existing ticket. Failed conditions are answers and pass through; a
     * failure that proves nothing was written is the store being unavailable (503, retry), any
     * other leaves the outcome unknown and says so.
     */
    private static <T> T write(String ticketId, Supplier<T> sdkCall) {
        try {
            return sdkCall.get();
        } catch (ConditionalCheckFailedException | TransactionCanceledException e) {
            throw e;
        } catch (SdkException e) {
            if (WriteFailures.nothingWritten(e)) {
                throw StoreFailures.of(e);
            }
            throw WriteOutcomeUnknownException.ofChange(ticketId, e);
        }
    }

    /**
     * Runs one read (or a write that cannot have happened). Failed conditions are answers, not
     * outages, and pass through to the caller; any other SDK failure surfaces as the store being
     * unavailable (503), or, when DynamoDB refused the request itself, as an internal error
     * ({@link StoreFailures}).
     */
    private static <T> T call(Supplier<T> sdkCall) {
        try {
            return sdkCall.get();
        } catch (ConditionalCheckFailedException | TransactionCanceledException e) {
            throw e;
        } catch (SdkException e) {
            throw StoreFailures.of(e);
        }
    }
}
