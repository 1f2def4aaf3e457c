package dev.hauntedhelpdesk.ticket;

import dev.hauntedhelpdesk.security.Caller;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Generators and the documented rules, written out independently of the main code, shared by the
 * ticket domain tests.
 */
final class TicketArbitraries {

    /** The transition table as documented (ARCHITECTURE.md states, TicketStatus javadoc), literally. */
    static final Map<TicketStatus, Set<TicketStatus>> DOCUMENTED_TRANSITIONS = documentedTransitions();

    static final List<String> PATCH_FIELDS =
            List.of("title", "description", "severity", "category", "status", "assignee", "resolution");
    static final Set<String> REQUESTER_EDITABLE = Set.of("title", "description", "severity", "category");

    static final String OWNER_ID = "owner-sub-1";
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    private TicketArbitraries() {
    }

    private static Map<TicketStatus, Set<TicketStatus>> documentedTransitions() {
        Map<TicketStatus, Set<TicketStatus>> table = new EnumMap<>(TicketStatus.class);
        table.put(TicketStatus.PENDING, EnumSet.of(TicketStatus.PROCESSING, TicketStatus.RESOLVED,
                TicketStatus.ESCALATED, TicketStatus.CLOSED));
        table.put(TicketStatus.PROCESSING, EnumSet.of(TicketStatus.PENDING, TicketStatus.RESOLVED,
                TicketStatus.ESCALATED, TicketStatus.ERROR));
        table.put(TicketStatus.ESCALATED, EnumSet.of(TicketStatus.PROCESSING, TicketStatus.RESOLVED,
                TicketStatus.CLOSED));
        table.put(TicketStatus.ERROR, EnumSet.of(TicketStatus.PENDING, TicketStatus.PROCESSING,
                TicketStatus.ESCALATED, TicketStatus.CLOSED));
        table.put(TicketStatus.RESOLVED, EnumSet.of(TicketStatus.PENDING, TicketStatus.CLOSED));
        table.put(TicketStatus.CLOSED, EnumSet.of(TicketStatus.PENDING));
        return Map.copyOf(table);
    }

    static boolean documentedMove(TicketStatus from, TicketStatus to) {
        return from == to || DOCUMENTED_TRANSITIONS.get(from).contains(to);
    }

    /** Requesters may close their ticket, or reopen it once resolved or closed; staying put is no move. */
    static boolean requesterMayRequest(TicketStatus from, TicketStatus to) {
        return from == to
                || to == TicketStatus.CLOSED
                || (to == TicketStatus.PENDING && (from == TicketStatus.RESOLVED || from == TicketStatus.CLOSED));
    }

    // ---- callers ------------------------------------------------------------------------------

    static Caller owner() {
        return new Caller(OWNER_ID, "alice", Set.of());
    }

    static Caller agent() {
        return new Caller("agent-sub-7", "carol", Set.of(Caller.AGENTS));
    }

    static Caller admin() {
        return new Caller("admin-sub-9", "dave", Set.of(Caller.ADMINS));
    }

    /** The ticket's requester (sometimes with an unrelated group), an agent, or an admin. */
    static Arbitrary<Caller> callers() {
        return Arbitraries.of(
                owner(),
                new Caller(OWNER_ID, "alice", Set.of("beta-testers")),
                agent(),
                admin(),
                new Caller("admin-sub-9", "dave", Set.of(Caller.AGENTS, Caller.ADMINS)));
    }

    static Arbitrary<Caller> staff() {
        return Arbitraries.of(agent(), admin(), new Caller("admin-sub-9", "dave", Set.of(Caller.AGENTS, Caller.ADMINS)));
    }

    // ---- text and enum spellings --------------------------------------------------------------

    /** Text that passes validation: not blank, no control characters other than tab/CR/LF. */
    static Arbitrary<String> validText(int maxLength) {
        return Arbitraries.strings()
                .alpha().numeric()
                .withChars(' ', '-', '.', ',', '!', '?', 'é', 'ß', '中', '\n', '\t')
                .ofMinLength(1).ofMaxLength(Math.min(maxLength, 60))
                .filter(s -> !s.isBlank());
    }

    /** Text that passes validation, sometimes with whitespace around it that validation strips. */
    static Arbitrary<String> paddedValidText(int maxLength) {
        return Combinators.combine(padding(), validText(maxLength), padding()).as((a, b, c) -> a + b + c);
    }

    static Arbitrary<String> padding() {
        return Arbitraries.strings().withChars(' ', '\t', '\n').ofMaxLength(3);
    }

    /** The enum's wire name, exactly: lower case, nothing around it. */
    static <E extends Enum<E>> Arbitrary<String> spelling(Class<E> type) {
        return Arbitraries.of(type).map(e -> e.name().toLowerCase(Locale.ROOT));
    }

    /**
     * The enum's wire name spelled some other way validation refuses: another letter case, or
     * surrounding ASCII whitespace.
     */
    static Arbitrary<String> misspellingOf(Enum<?> value) {
        String wire = value.name().toLowerCase(Locale.ROOT);
        return Combinators.combine(
                padding(),
                Arbitraries.of(true, false).list().ofSize(wire.length()),
                padding()
        ).as((before, upper, after) -> {
            StringBuilder sb = new StringBuilder(before);
            for (int i = 0; i < wire.length(); i++) {
                char c = wire.charAt(i);
                sb.append(upper.get(i) ? Character.toUpperCase(c) : c);
            }
            return sb.append(after).toString();
        }).filter(s -> !s.equals(wire));
    }

    /** Values no enum accepts, including blanks and near misses. */
    static Arbitrary<String> badChoice() {
        return Arbitraries.oneOf(
                Arbitraries.of("", " ", "urgent", "lowest", "clos ed", "pend1ng", "haunted", "network,cloud",
                        "null", "0"),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12)
                        .filter(s -> !isWireName(s)));
    }

    private static boolean isWireName(String s) {
        String u = s.trim().toUpperCase(Locale.ROOT);
        for (Class<? extends Enum<?>> type : List.<Class<? extends Enum<?>>>of(Severity.class, Category.class,
                TicketStatus.class)) {
            for (Enum<?> e : type.getEnumConstants()) {
                if (e.name().equals(u)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Text that validation rejects for a field of at most {@code max} characters (required or not). */
    static Arbitrary<String> badText(int max) {
        Arbitrary<String> tooLong = Arbitraries.strings().alpha().ofMinLength(max + 1).ofMaxLength(max + 40);
        Arbitrary<String> withControl = Combinators.combine(
                validText(20),
                Arbitraries.chars().range('\u0000', '\u001f').filter(c -> c != '\n' && c != '\r' && c != '\t'),
                validText(20)).as((a, c, b) -> a + c + b);
        Arbitrary<String> withC1Control = Combinators.combine(
                validText(20), Arbitraries.chars().range('\u007f', '\u009f')).as((a, c) -> a + c);
        return Arbitraries.oneOf(tooLong, withControl, withC1Control);
    }

    static Arbitrary<String> blank() {
        return Arbitraries.of("", " ", "   ", "\t", "\n \r\n", "\u2003");
    }

    // ---- tickets ------------------------------------------------------------------------------

    static Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(EARLIEST.toEpochMilli(), LATEST.toEpochMilli() - 1)
                .map(Instant::ofEpochMilli);
    }

    static Arbitrary<UUID> uuids() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(UUID::new);
    }

    static Arbitrary<WorkflowEntry> workflowEntries() {
        return Combinators.combine(
                instants().map(Timestamps::format),
                Arbitraries.of("alice", "carol", "dave", "triage"),
                Arbitraries.of("created", "updated", "status_changed", "triaged"),
                validText(40).injectNull(0.3)
        ).as(WorkflowEntry::new);
    }

    static Arbitrary<Ticket> tickets() {
        return tickets(Arbitraries.of(TicketStatus.class));
    }

    static Arbitrary<Ticket> tickets(Arbitrary<TicketStatus> statuses) {
        Arbitrary<List<Object>> text = Combinators.combine(
                validText(200).map(String::strip),
                validText(10_000).map(String::strip),
                Arbitraries.of(Severity.class),
                Arbitraries.of(Category.class).injectNull(0.2),
                Arbitraries.of("carol", "dave", "erin").injectNull(0.5),
                validText(10_000).map(String::strip).injectNull(0.6)
        ).as((title, description, severity, category, assignee, resolution) -> {
            List<Object> values = new ArrayList<>();
            values.add(title);
            values.add(description);
            values.add(severity);
            values.add(category);
            values.add(assignee);
            values.add(resolution);
            return values;
        });
        return Combinators.combine(
                uuids(),
                text,
                statuses,
                workflowEntries().list().ofMaxSize(5),
                Combinators.combine(uuids(), validText(30), Arbitraries.longs().between(0, 10_000_000))
                        .as((id, name, size) -> new Attachment(id.toString(), name, "image/png", size))
                        .list().ofMaxSize(2),
                instants(),
                Arbitraries.longs().between(1, 10_000)
        ).as((id, t, status, log, attachments, created, version) -> new Ticket(
                id.toString(),
                (String) t.get(0),
                (String) t.get(1),
                (Severity) t.get(2),
                (Category) t.get(3),
                status,
                OWNER_ID,
                (String) t.get(4),
                (String) t.get(5),
                log,
                attachments,
                Timestamps.format(created),
                Timestamps.format(created),
                version));
    }

    // ---- patch bodies -------------------------------------------------------------------------

    /** A raw body value and whether validation must accept it. */
    record Candidate(Object value, boolean valid) {
    }

    /** A PATCH body and the fields in it that validation must reject. */
    record Draft(Map<String, Object> body, Set<String> invalidFields) {
    }

    static Arbitrary<Candidate> validCandidate(String field) {
        Arbitrary<?> value = switch (field) {
            case "title" -> paddedValidText(200);
            case "description" -> paddedValidText(10_000);
            case "severity" -> spelling(Severity.class);
            case "category" -> spelling(Category.class);
            case "status" -> spelling(TicketStatus.class);
            // null and blank both mean "unassign" / "clear the resolution".
            case "assignee" -> Arbitraries.oneOf(Arbitraries.of("carol", "dave", " erin "), blank()).injectNull(0.3);
            case "resolution" -> Arbitraries.oneOf(paddedValidText(10_000), blank()).injectNull(0.3);
            default -> throw new IllegalArgumentException(field);
        };
        return value.map(v -> new Candidate(v, true));
    }

    static Arbitrary<Candidate> invalidCandidate(String field) {
        Arbitrary<?> value = switch (field) {
            case "title" -> Arbitraries.oneOf(badText(200), blank().injectNull(0.3));
            case "description" -> Arbitraries.oneOf(badText(10_000), blank().injectNull(0.3));
            case "severity", "category", "status" -> badChoice().injectNull(0.2);
            case "assignee" -> badText(128);
            case "resolution" -> badText(10_000);
            default -> throw new IllegalArgumentException(field);
        };
        return value.map(v -> new Candidate(v, false));
    }

    /** Bodies naming a non-empty random subset of the patchable fields, every value valid. */
    static Arbitrary<Map<String, Object>> validPatchBodies() {
        return drafts(0).map(Draft::body);
    }

    /** Bodies naming a non-empty random subset of the fields; each value is invalid with the given odds. */
    static Arbitrary<Draft> drafts(double invalidOdds) {
        int invalidWeight = (int) Math.round(invalidOdds * 100);
        List<Arbitrary<Candidate>> perField = new ArrayList<>();
        for (String field : PATCH_FIELDS) {
            perField.add(invalidWeight == 0
                    ? validCandidate(field)
                    : Arbitraries.frequencyOf(
                            net.jqwik.api.Tuple.of(100 - invalidWeight, validCandidate(field)),
                            net.jqwik.api.Tuple.of(invalidWeight, invalidCandidate(field))));
        }
        Arbitrary<List<Candidate>> values = Combinators.combine(perField).as(List::copyOf);
        return Combinators.combine(Arbitraries.subsetOf(PATCH_FIELDS).ofMinSize(1), values).as((fields, candidates) -> {
            Map<String, Object> body = new LinkedHashMap<>();
            Set<String> invalid = new HashSet<>();
            for (int i = 0; i < PATCH_FIELDS.size(); i++) {
                String field = PATCH_FIELDS.get(i);
                if (fields.contains(field)) {
                    body.put(field, candidates.get(i).value());
                    if (!candidates.get(i).valid()) {
                        invalid.add(field);
                    }
                }
            }
            return new Draft(body, Set.copyOf(invalid));
        });
    }
}
