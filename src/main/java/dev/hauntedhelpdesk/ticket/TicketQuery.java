package dev.hauntedhelpdesk.ticket;

import dev.hauntedhelpdesk.problem.InvalidParameterException;

/**
 * One page of a ticket list: {@code requester} null means every requester (support staff),
 * {@code status} null means any status; {@code after} is the decoded cursor or null.
 */
public record TicketQuery(String requester, TicketStatus status, int limit, PageCursor after) {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    /**
     * The list query as a client sends it ({@code ?status=&limit=&cursor=}, each optional), for
     * every requester until {@link #forRequester} narrows it.
     *
     * @throws InvalidParameterException naming the first parameter that is not valid
     */
    public static TicketQuery of(String status, String limit, String cursor) {
        TicketStatus statusFilter = null;
        if (status != null && !status.isBlank()) {
            statusFilter = WireName.parse(TicketStatus.class, status).orElseThrow(() ->
                    new InvalidParameterException("status: one of " + WireName.choices(TicketStatus.class)));
        }
        int pageSize = DEFAULT_LIMIT;
        if (limit != null && !limit.isBlank()) {
            try {
                pageSize = Integer.parseInt(limit.trim());
            } catch (NumberFormatException e) {
                pageSize = -1;
            }
            if (pageSize < 1 || pageSize > MAX_LIMIT) {
                throw new InvalidParameterException("limit: an integer from 1 to " + MAX_LIMIT);
            }
        }
        PageCursor after = cursor == null || cursor.isBlank() ? null : PageCursor.decode(cursor);
        return new TicketQuery(null, statusFilter, pageSize, after);
    }

    /** This query limited to one requester's tickets, or to every requester's when null. */
    public TicketQuery forRequester(String requester) {
        return new TicketQuery(requester, status, limit, after);
    }
}
