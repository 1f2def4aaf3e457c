package dev.hauntedhelpdesk.ticket;

/** The area of IT a ticket belongs to; the triage team routes on it. */
public enum Category {
    NETWORK, CLOUD, ACCESS, HARDWARE, SOFTWARE, OTHER;

    /** The lower-case name used on the wire and in storage. */
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
