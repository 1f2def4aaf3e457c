package dev.hauntedhelpdesk.ticket;

/** How badly the problem hurts the requester. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL;

    /** The lower-case name used on the wire and in storage. */
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
