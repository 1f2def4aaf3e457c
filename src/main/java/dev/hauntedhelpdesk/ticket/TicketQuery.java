package dev.hauntedhelpdesk.ticket;

/**
 * One page of a ticket list: {@code requester} null means every requester (support staff),
 * {@code status} null means any status; {@code after} is the decoded cursor or null.
 */
public record TicketQuery(String requester, TicketStatus status, int limit, PageCursor after) {
}
