package dev.hauntedhelpdesk.ticket;

/** Published once a new ticket is stored (not when an idempotent retry replays one). */
public record TicketCreated(String ticketId) {
}
