package dev.hauntedhelpdesk.triage;

import dev.hauntedhelpdesk.ticket.Category;

import java.util.Locale;
import java.util.Optional;

/**
 * The members of the triage team. The first and last three are fixed steps of the orchestrator;
 * the specialists in between are the only ones that may hand a ticket to each other, and only by
 * answering the orchestrator, never by calling one another.
 */
public enum Agent {
    CLASSIFIER, MEMORY,
    NETWORK, CLOUD, ACCESS, HARDWARE, SOFTWARE, GENERAL,
    SUMMARIZER;

    /** The specialist for a category. */
    public static Agent specialistFor(String category) {
        if (category == null) {
            return GENERAL;
        }
        return switch (category) {
            case "network" -> NETWORK;
            case "cloud" -> CLOUD;
            case "access" -> ACCESS;
            case "hardware" -> HARDWARE;
            case "software" -> SOFTWARE;
            default -> GENERAL;
        };
    }

    /** The specialist named {@code name} (a wire name such as {@code network}), if there is one. */
    public static Optional<Agent> specialist(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (Agent agent : values()) {
            if (agent.isSpecialist() && agent.wire().equals(name.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(agent);
            }
        }
        return Optional.empty();
    }

    public boolean isSpecialist() {
        return this != CLASSIFIER && this != MEMORY && this != SUMMARIZER;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static boolean isCategory(String value) {
        return value != null && java.util.Arrays.stream(Category.values())
                .anyMatch(c -> c.name().equalsIgnoreCase(value));
    }
}
