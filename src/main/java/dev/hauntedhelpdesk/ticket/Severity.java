package dev.hauntedhelpdesk.ticket;

import io.micronaut.serde.annotation.Serdeable;

/** How badly the problem hurts the requester. */
@Serdeable
public enum Severity implements WireName {
    LOW, MEDIUM, HIGH, CRITICAL
}
