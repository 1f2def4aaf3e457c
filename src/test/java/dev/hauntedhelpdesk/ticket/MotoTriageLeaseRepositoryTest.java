package dev.hauntedhelpdesk.ticket;

import dev.hauntedhelpdesk.testing.MotoServer;
import dev.hauntedhelpdesk.ticket.TicketRepository.Claimed;
import dev.hauntedhelpdesk.ticket.TicketRepository.RecordOutcome;
import dev.hauntedhelpdesk.ticket.TicketRepository.Refused;
import dev.hauntedhelpdesk.ticket.TicketRepository.TriageClaim;
import dev.hauntedhelpdesk.ticket.TicketRepository.TriageRecord;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The triage lease on the item, against moto: claim and record are one conditional UpdateItem
 * each. Races are played in sequence with the same preconditions, which is what two racing
 * writers look like to DynamoDB's condition check, rather than left to thread timing.
 */
class MotoTriageLeaseRepositoryTest {

    private static final Duration LEASE = Duration.ofSeconds(60);

    private final DynamoDbClient dynamo = MotoServer.shared().dynamoDb();
    private final String table = "tickets-" + UUID.randomUUID();
    private final TicketRepository repository = TicketRepositories.dynamo(dynamo, table);
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    private Ticket stored() {
        Ticket ticket = TicketRepositories.pending(UUID.randomUUID().toString(), "VPN", "drops", null);
        repository.create(ticket, null);
        return ticket;
    }

    private static TriageClaim claim(String runId, TicketStatus seen, Instant at) {
        return new TriageClaim(runId, seen, at, at.plus(LEASE), at.minus(LEASE),
                List.of(new WorkflowEntry(Timestamps.format(at), "triage", "triage_started", "run " + runId)));
    }

    private static TriageRecord record(String runId, String status) {
        return new TriageRecord(runId, status, "answer of " + runId, "network",
                List.of(new WorkflowEntry(Timestamps.format(Instant.now()), "triage", "triage_finished", runId)),
                Timestamps.format(Instant.now()), "{\"run\":\"" + runId + "\"}");
    }

    private Map<String, AttributeValue> item(String ticketId) {
        return dynamo.getItem(b -> b.tableName(table).key(DynamoDbTicketItems.key(ticketId)).consistentRead(true)).item();
    }

    @Test
    void twoClaimsWithTheSamePreconditions_onlyTheFirstClaims_andTheSecondSeesTheLease() {
        Ticket ticket = stored();

        TicketRepository.ClaimOutcome first = repository.claimTriage(ticket.ticketId(),
                claim("run-a", TicketStatus.PENDING, now));
        TicketRepository.ClaimOutcome second = repository.claimTriage(ticket.ticketId(),
                claim("run-b", TicketStatus.PENDING, now));

        Ticket claimed = assertInstanceOf(Claimed.class, first).ticket();
        assertEquals("processing", claimed.status().wire());
        assertEquals(2, claimed.version());
        assertEquals(2, claimed.workflowLog().size());
        TicketRepository.TriageState seen = assertInstanceOf(Refused.class, second).current().orElseThrow();
        assertEquals(new TriageLease("run-a", now.plus(LEASE)), seen.lease());
        Map<String, AttributeValue> item = item(ticket.ticketId());
        assertEquals("run-a", item.get("triage_run_id").s());
        assertEquals(Timestamps.format(now.plus(LEASE)), item.get("lease_until").s());
        // The same as a taker-over that sees processing but comes before the lease ends.
        assertInstanceOf(Refused.class, repository.claimTriage(ticket.ticketId(),
                claim("run-c", TicketStatus.PROCESSING, now.plusSeconds(1))));
    }

    @Test
    void aRunWhoseLeaseWasTakenOver_recordsNothing_andTheNewRunRecords() {
        Ticket ticket = stored();
        repository.claimTriage(ticket.ticketId(), claim("run-a", TicketStatus.PENDING, now));
        Instant later = now.plus(LEASE).plusSeconds(1);
        assertInstanceOf(Claimed.class, repository.claimTriage(ticket.ticketId(),
                claim("run-b", TicketStatus.PROCESSING, later)));

        assertEquals(RecordOutcome.RECORDED, repository.recordTriage(ticket.ticketId(), record("run-b", "resolved")));
        Ticket recorded = repository.find(ticket.ticketId()).orElseThrow();
        assertEquals(RecordOutcome.LEASE_LOST, repository.recordTriage(ticket.ticketId(),
                record("run-a", "escalated")));

        assertEquals(recorded, repository.find(ticket.ticketId()).orElseThrow());
        assertEquals("resolved", recorded.status().wire());
        assertEquals("answer of run-b", recorded.resolution());
        assertEquals("network", recorded.category().wire());
        assertNull(item(ticket.ticketId()).get("lease_until"), "the lease is released");
        assertEquals("run-b", item(ticket.ticketId()).get("triage_run_id").s());
    }

    @Test
    void recordingTwice_isRecordedOnce_asAnSdkRetryAfterALostAnswerWouldBe() {
        Ticket ticket = stored();
        repository.claimTriage(ticket.ticketId(), claim("run-a", TicketStatus.PENDING, now));

        assertEquals(RecordOutcome.RECORDED, repository.recordTriage(ticket.ticketId(), record("run-a", "resolved")));
        Ticket once = repository.find(ticket.ticketId()).orElseThrow();
        assertEquals(RecordOutcome.RECORDED, repository.recordTriage(ticket.ticketId(), record("run-a", "resolved")));

        assertEquals(once, repository.find(ticket.ticketId()).orElseThrow());
    }

    @Test
    void anEditDuringTheRun_keepsTheLease_andAStatusChangedMeanwhileKeepsItsStatus_butGetsTheLog() {
        Ticket ticket = stored();
        Ticket claimed = ((Claimed) repository.claimTriage(ticket.ticketId(),
                claim("run-a", TicketStatus.PENDING, now))).ticket();
        Ticket escalatedByStaff = repository.update(claimed
                .edited(TicketPatch.of(Map.of("assignee", "bob", "resolution", "taken over by staff")))
                .withStatus(TicketStatus.ESCALATED, claimed.updatedAt()), claimed.version());
        assertEquals("run-a", item(ticket.ticketId()).get("triage_run_id").s(), "an edit keeps the lease");

        assertEquals(RecordOutcome.LOG_ONLY, repository.recordTriage(ticket.ticketId(), record("run-a", "resolved")));

        Ticket after = repository.find(ticket.ticketId()).orElseThrow();
        assertEquals("escalated", after.status().wire());
        assertEquals("taken over by staff", after.resolution());
        assertEquals("bob", after.assignee());
        assertEquals(escalatedByStaff.workflowLog().size() + 1, after.workflowLog().size());
        assertEquals(escalatedByStaff.version() + 1, after.version());
        assertNull(item(ticket.ticketId()).get("lease_until"));
    }

    @Test
    void recordedTriageResult_isTheRunsOnceItRecorded_andNoLongerWhenALaterRunClaims() {
        Ticket ticket = stored();
        repository.claimTriage(ticket.ticketId(), claim("run-a", TicketStatus.PENDING, now));
        Optional<String> whileRunning = repository.recordedTriageResult(ticket.ticketId(), "run-a");

        repository.recordTriage(ticket.ticketId(), record("run-a", "escalated"));
        Optional<String> recorded = repository.recordedTriageResult(ticket.ticketId(), "run-a");
        Optional<String> otherRun = repository.recordedTriageResult(ticket.ticketId(), "run-b");
        repository.claimTriage(ticket.ticketId(), claim("run-b", TicketStatus.ESCALATED, now.plusSeconds(1)));

        assertAll(
                () -> assertEquals(Optional.empty(), whileRunning),
                () -> assertEquals(Optional.of("{\"run\":\"run-a\"}"), recorded),
                () -> assertEquals(Optional.empty(), otherRun),
                () -> assertEquals(Optional.empty(), repository.recordedTriageResult(ticket.ticketId(), "run-a")),
                () -> assertEquals(Optional.empty(), repository.recordedTriageResult(UUID.randomUUID().toString(),
                        "run-a")));
    }

    @Test
    void expiredTriageLeases_findsOnlyProcessingTicketsPastTheirLease_pageByPage() {
        Set<String> expired = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            Ticket t = stored();
            repository.claimTriage(t.ticketId(), claim("old-" + i, TicketStatus.PENDING, now.minus(LEASE).minusSeconds(5)));
            expired.add(t.ticketId());
        }
        Ticket live = stored();
        repository.claimTriage(live.ticketId(), claim("live", TicketStatus.PENDING, now));
        stored();

        Set<String> found = new HashSet<>();
        PageCursor after = null;
        do {
            TicketPage page = repository.expiredTriageLeases(now, now.minus(LEASE), 2, after);
            page.items().forEach(t -> found.add(t.ticketId()));
            after = page.nextCursor() == null ? null : PageCursor.decode(page.nextCursor());
        } while (after != null);

        assertEquals(expired, found);
        assertTrue(repository.findForTriage(live.ticketId()).orElseThrow().lease().until().isAfter(now));
    }
}
