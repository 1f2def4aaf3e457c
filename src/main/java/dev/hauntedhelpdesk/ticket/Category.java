package dev.hauntedhelpdesk.ticket;

import io.micronaut.serde.annotation.Serdeable;

/** The area of IT a ticket belongs to; the triage team routes on it. */
@Serdeable
public enum Category implements WireName {
    NETWORK, CLOUD, ACCESS, HARDWARE, SOFTWARE, OTHER
}
