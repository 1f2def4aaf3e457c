package dev.hauntedhelpdesk.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hauntedhelpdesk.testing.BackendProperties;
import dev.hauntedhelpdesk.testing.CognitoPool;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A stateful property over the running API: random sequences of create / get / list / patch by
 * requesters and staff, each answer checked against {@link TicketApiModel}. It covers visibility
 * (nobody sees or changes another requester's ticket), no lost update (a stale If-Match never
 * overwrites) and idempotency (a repeated key never makes a second ticket). Each runtime module
 * runs it through its own runtime.
 */
public abstract class TicketApiStateMachine {

    private ServerUnderTest server;
    private Api api;
    private TicketApiModel model;

    protected abstract RuntimeUnderTest runtime();

    @BeforeProperty
    void startServer() {
        CognitoPool pool = CognitoPool.shared();
        Map<String, Object> properties = BackendProperties.forApp(BackendProperties.uniqueTableName());
        server = runtime().start(properties);
        api = new Api(server, pool);
        // One model for the whole run: the table keeps every try's tickets, and so does the model.
        model = new TicketApiModel();
        TicketApiModel.USERS.forEach(u -> model.subs.put(u, pool.sub(u)));
    }

    @AfterProperty
    void stopServer() {
        server.close();
    }

    @Property(tries = 100)
    void apiAgreesWithTheModel(@ForAll("chains") ActionChain<TicketApiModel> chain) {
        chain.run();
    }

    @Provide
    Arbitrary<ActionChain<TicketApiModel>> chains() {
        return ActionChain.<TicketApiModel>startWith(() -> model)
                .withAction(3, new Create())
                .withAction(1, new RepeatKey())
                .withAction(2, new Get())
                .withAction(2, new ListPage())
                .withAction(3, new PatchTitle())
                .withAction(3, new PatchStatus())
                .withMaxTransformations(12);
    }

    private static Arbitrary<String> users() {
        return Arbitraries.of(TicketApiModel.USERS);
    }

    private static Arbitrary<TicketApiModel.Expected> known(TicketApiModel m) {
        return Arbitraries.of(new ArrayList<>(m.tickets.values()));
    }

    private final class Create implements Action.Independent<TicketApiModel> {
        @Override
        public Arbitrary<Transformer<TicketApiModel>> transformer() {
            return Combinators.combine(users(), Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12),
                    Arbitraries.of("low", "medium", "high", "critical"), Arbitraries.of(true, false))
                    .as((user, title, severity, withKey) -> Transformer.mutate(
                            "create by " + user + (withKey ? " with key" : ""), m -> {
                                String key = withKey ? UUID.randomUUID().toString() : null;
                                ApiRequest request = ApiRequest.of("POST", "/api/tickets")
                                        .json(Api.ticketJson(title, "described " + title, severity, null));
                                if (key != null) {
                                    request.header("Idempotency-Key", key);
                                }
                                ApiResponse response = api.as(user, request);
                                expectStatus(201, response);
                                m.record(user, response.json());
                                if (key != null) {
                                    m.keys.add(new TicketApiModel.UsedKey(user, key, title, severity,
                                            response.json().get("ticket_id").asText()));
                                }
                            }));
        }
    }

    private final class RepeatKey implements Action.Dependent<TicketApiModel> {
        @Override
        public boolean precondition(TicketApiModel m) {
            return !m.keys.isEmpty();
        }

        @Override
        public Arbitrary<Transformer<TicketApiModel>> transformer(TicketApiModel m) {
            return Combinators.combine(Arbitraries.of(new ArrayList<>(m.keys)), Arbitraries.of(true, false))
                    .as((used, sameBody) -> Transformer.mutate(
                            "repeat key of " + used.user() + (sameBody ? "" : " with another body"), state -> {
                                String title = sameBody ? used.title() : used.title() + "-changed";
                                int before = state.tickets.size();
                                ApiResponse response = api.as(used.user(), ApiRequest.of("POST", "/api/tickets")
                                        .header("Idempotency-Key", used.key())
                                        .json(Api.ticketJson(title, "described " + used.title(), used.severity(), null)));
                                if (sameBody) {
                                    expectStatus(201, response);
                                    expect(used.ticketId().equals(response.json().get("ticket_id").asText()),
                                            "a repeated key returns the same ticket", response);
                                    state.assertMatches(state.tickets.get(used.ticketId()), response.json());
                                } else {
                                    expectStatus(422, response);
                                }
                                expect(before == state.tickets.size(), "no second ticket", response);
                            }));
        }
    }

    /** Actions on tickets the model knows, so they run once a ticket exists. */
    private abstract static class OnKnownTicket implements Action.Dependent<TicketApiModel> {
        @Override
        public boolean precondition(TicketApiModel m) {
            return !m.tickets.isEmpty();
        }
    }

    private final class Get extends OnKnownTicket {
        @Override
        public Arbitrary<Transformer<TicketApiModel>> transformer(TicketApiModel m) {
            return Combinators.combine(users(), known(m)).as((user, ticket) -> Transformer.mutate(
                    "get " + ticket.id + " by " + user, state -> {
                        ApiResponse response = api.as(user, ApiRequest.of("GET", "/api/tickets/" + ticket.id));
                        if (state.visible(user, ticket)) {
                            expectStatus(200, response);
                            state.assertMatches(ticket, response.json());
                        } else {
                            expectStatus(404, response);
                        }
                    }));
        }
    }

    private final class ListPage implements Action.Independent<TicketApiModel> {
        @Override
        public Arbitrary<Transformer<TicketApiModel>> transformer() {
            return Combinators.combine(users(), Arbitraries.of(TicketApiModel.STATUSES).injectNull(0.5),
                    Arbitraries.integers().between(1, 5)).as((user, status, limit) -> Transformer.mutate(
                    "list by " + user + " status=" + status + " limit=" + limit, state -> {
                        // A page may hold fewer than limit items while next_cursor is set (filtered
                        // reads are bounded), so follow cursors until limit items or the end.
                        List<JsonNode> items = new ArrayList<>();
                        String cursor = null;
                        ApiResponse response;
                        do {
                            ApiRequest request = ApiRequest.of("GET", "/api/tickets")
                                    .query("limit", Integer.toString(limit - items.size()));
                            if (status != null) {
                                request.query("status", status);
                            }
                            if (cursor != null) {
                                request.query("cursor", cursor);
                            }
                            response = api.as(user, request);
                            expectStatus(200, response);
                            response.json().get("items").forEach(items::add);
                            JsonNode next = response.json().get("next_cursor");
                            cursor = next.isNull() ? null : next.asText();
                        } while (cursor != null && items.size() < limit);
                        List<String> expectedIds = state.newestVisible(user, status, limit).stream()
                                .map(t -> t.id).toList();
                        List<String> actualIds = items.stream().map(t -> t.get("ticket_id").asText()).toList();
                        expect(expectedIds.equals(actualIds), "list = model's newest visible " + expectedIds
                                + ", got " + actualIds, response);
                        for (JsonNode item : items) {
                            state.assertMatches(state.tickets.get(item.get("ticket_id").asText()), item);
                        }
                    }));
        }
    }

    private final class PatchTitle extends OnKnownTicket {
        @Override
        public Arbitrary<Transformer<TicketApiModel>> transformer(TicketApiModel m) {
            return Combinators.combine(users(), known(m), Arbitraries.of(true, false),
                    Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10))
                    .as((user, ticket, fresh, title) -> Transformer.mutate(
                            "retitle " + ticket.id + " by " + user + (fresh ? "" : " with a stale version"), state -> {
                                long version = fresh ? ticket.version : ticket.version - 1;
                                ApiResponse response = patch(user, ticket.id, version, "title", title);
                                if (!state.visible(user, ticket)) {
                                    expectStatus(404, response);
                                } else if (!fresh) {
                                    expectStatus(412, response);
                                } else if (!TicketApiModel.STAFF.contains(user) && !ticket.status.equals("pending")) {
                                    expectStatus(403, response);
                                } else {
                                    expectStatus(200, response);
                                    ticket.title = title;
                                    ticket.version++;
                                    state.assertMatches(ticket, response.json());
                                }
                            }));
        }
    }

    private final class PatchStatus extends OnKnownTicket {
        @Override
        public Arbitrary<Transformer<TicketApiModel>> transformer(TicketApiModel m) {
            return Combinators.combine(users(), known(m), Arbitraries.of(TicketApiModel.STATUSES))
                    .as((user, ticket, target) -> Transformer.mutate(
                            "move " + ticket.id + " to " + target + " by " + user, state -> {
                                ApiResponse response = patch(user, ticket.id, ticket.version, "status", target);
                                boolean inTable = target.equals(ticket.status)
                                        || TicketApiModel.TRANSITIONS.get(ticket.status).contains(target);
                                boolean staff = TicketApiModel.STAFF.contains(user);
                                boolean requesterMay = target.equals(ticket.status) || target.equals("closed")
                                        || target.equals("pending")
                                        && (ticket.status.equals("resolved") || ticket.status.equals("closed"));
                                if (!state.visible(user, ticket)) {
                                    expectStatus(404, response);
                                } else if (!staff && !requesterMay) {
                                    expectStatus(403, response);
                                } else if (!inTable) {
                                    expectStatus(409, response);
                                } else {
                                    expectStatus(200, response);
                                    ticket.status = target;
                                    ticket.version++;
                                    state.assertMatches(ticket, response.json());
                                }
                            }));
        }
    }

    private ApiResponse patch(String user, String id, long version, String field, String value) {
        return api.as(user, ApiRequest.of("PATCH", "/api/tickets/" + id).header("If-Match", "\"" + version + "\"")
                .json(Api.patchJson(Map.of(field, value))));
    }

    private static void expectStatus(int status, ApiResponse response) {
        expect(response.status() == status, "status " + status, response);
    }

    private static void expect(boolean ok, String what, ApiResponse response) {
        if (!ok) {
            throw new AssertionError("Expected " + what + " but got " + response);
        }
    }
}
