package dev.hauntedhelpdesk.ticket;

import dev.hauntedhelpdesk.dynamodb.HelpdeskTable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Maps tickets to DynamoDB items and back; attribute names are the table's contract. */
final class DynamoDbTicketItems {

    static final String TICKET_PREFIX = "TICKET#";
    static final String TICKET_SK = "TICKET";
    static final String ENTITY_TICKET = "TICKET";

    static final String TICKET_ID = "ticket_id";
    static final String TITLE = "title";
    static final String DESCRIPTION = "description";
    static final String SEVERITY = "severity";
    static final String CATEGORY = "category";
    static final String ASSIGNEE = "assignee";
    static final String RESOLUTION = "resolution";
    static final String WORKFLOW_LOG = "workflow_log";
    static final String ATTACHMENTS = "attachments";
    static final String CREATED_AT = "created_at";
    static final String UPDATED_AT = "updated_at";
    static final String VERSION = "version";
    /** The run holding or last holding the triage lease; kept after the run so a lost answer can be told. */
    static final String TRIAGE_RUN_ID = "triage_run_id";
    /** When the triage lease ends (a timestamp as updated_at); removed when the run records. */
    static final String LEASE_UNTIL = "lease_until";
    /** The last recorded run's whole result as JSON, for a caller waiting on a run made elsewhere. */
    static final String WORKFLOW_RESULT = "workflow_result";

    private DynamoDbTicketItems() {
    }

    static Map<String, AttributeValue> key(String ticketId) {
        return Map.of(HelpdeskTable.PK, s(TICKET_PREFIX + ticketId), HelpdeskTable.SK, s(TICKET_SK));
    }

    static String createdKey(Ticket ticket) {
        return ticket.createdAt() + "#" + ticket.ticketId();
    }

    static Map<String, AttributeValue> toItem(Ticket t) {
        Map<String, AttributeValue> item = new HashMap<>(key(t.ticketId()));
        item.put(HelpdeskTable.ENTITY, s(ENTITY_TICKET));
        item.put(HelpdeskTable.CREATED_KEY, s(createdKey(t)));
        item.put(HelpdeskTable.REQUESTER, s(t.requester()));
        item.put(HelpdeskTable.STATUS, s(t.status().wire()));
        item.put(TICKET_ID, s(t.ticketId()));
        item.put(TITLE, s(t.title()));
        item.put(DESCRIPTION, s(t.description()));
        item.put(SEVERITY, s(t.severity().wire()));
        putIfPresent(item, CATEGORY, t.category() == null ? null : t.category().wire());
        putIfPresent(item, ASSIGNEE, t.assignee());
        putIfPresent(item, RESOLUTION, t.resolution());
        item.put(WORKFLOW_LOG, AttributeValue.fromL(t.workflowLog().stream().map(DynamoDbTicketItems::entry).toList()));
        item.put(ATTACHMENTS, AttributeValue.fromL(t.attachments().stream().map(DynamoDbTicketItems::attachment).toList()));
        item.put(CREATED_AT, s(t.createdAt()));
        item.put(UPDATED_AT, s(t.updatedAt()));
        item.put(VERSION, AttributeValue.fromN(Long.toString(t.version())));
        return item;
    }

    static Ticket fromItem(Map<String, AttributeValue> item) {
        return new Ticket(
                str(item, TICKET_ID),
                str(item, TITLE),
                str(item, DESCRIPTION),
                stored(Severity.class, item, SEVERITY),
                str(item, CATEGORY) == null ? null : stored(Category.class, item, CATEGORY),
                stored(TicketStatus.class, item, HelpdeskTable.STATUS),
                str(item, HelpdeskTable.REQUESTER),
                str(item, ASSIGNEE),
                str(item, RESOLUTION),
                list(item, WORKFLOW_LOG).stream().map(v -> new WorkflowEntry(
                        str(v.m(), "at"), str(v.m(), "actor"), str(v.m(), "event"), str(v.m(), "detail"))).toList(),
                list(item, ATTACHMENTS).stream().map(v -> new Attachment(
                        str(v.m(), "attachment_id"), str(v.m(), "file_name"), str(v.m(), "content_type"),
                        Long.parseLong(v.m().get("size").n()))).toList(),
                str(item, CREATED_AT),
                str(item, UPDATED_AT),
                Long.parseLong(item.get(VERSION).n()));
    }

    /** The triage lease the item holds, or {@code null}. */
    static TriageLease lease(Map<String, AttributeValue> item) {
        String until = str(item, LEASE_UNTIL);
        return until == null ? null : new TriageLease(str(item, TRIAGE_RUN_ID), java.time.Instant.parse(until));
    }

    static String runId(Map<String, AttributeValue> item) {
        return str(item, TRIAGE_RUN_ID);
    }

    static AttributeValue attachments(List<Attachment> attachments) {
        return AttributeValue.fromL(attachments.stream().map(DynamoDbTicketItems::attachment).toList());
    }

    static AttributeValue entries(List<WorkflowEntry> entries) {
        return AttributeValue.fromL(entries.stream().map(DynamoDbTicketItems::entry).toList());
    }

    private static AttributeValue entry(WorkflowEntry e) {
        Map<String, AttributeValue> m = new HashMap<>();
        putIfPresent(m, "at", e.at());
        putIfPresent(m, "actor", e.actor());
        putIfPresent(m, "event", e.event());
        putIfPresent(m, "detail", e.detail());
        return AttributeValue.fromM(m);
    }

    private static AttributeValue attachment(Attachment a) {
        return AttributeValue.fromM(Map.of(
                "attachment_id", s(a.attachmentId()),
                "file_name", s(a.fileName()),
                "content_type", s(a.contentType()),
                "size", AttributeValue.fromN(Long.toString(a.size()))));
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    /** A stored enum; any other value is a broken item, never read as some default. */
    private static <E extends Enum<E> & WireName> E stored(Class<E> type, Map<String, AttributeValue> item,
                                                         String name) {
        String value = str(item, name);
        return WireName.parse(type, value).orElseThrow(() -> new IllegalStateException("Ticket item "
                + str(item, HelpdeskTable.PK) + " holds " + name + " '" + value + "', not one of "
                + WireName.choices(type)));
    }

    private static List<AttributeValue> list(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || !value.hasL() ? List.of() : value.l();
    }
}
