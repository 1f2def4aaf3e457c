package dev.hauntedhelpdesk.triage;

import dev.hauntedhelpdesk.ticket.Category;
import dev.hauntedhelpdesk.ticket.WireName;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The members of the triage team. The first and last three are fixed steps of the orchestrator;
 * the specialists in between, one for each {@link Category}, are the only ones that may hand a
 * ticket to each other, and only by answering the orchestrator, never by calling one another.
 */
public enum Agent implements WireName {
    CLASSIFIER(null), MEMORY(null),
    NETWORK(Category.NETWORK), CLOUD(Category.CLOUD), ACCESS(Category.ACCESS), HARDWARE(Category.HARDWARE),
    SOFTWARE(Category.SOFTWARE), GENERAL(Category.OTHER),
    SUMMARIZER(null);

    /** The category whose tickets this specialist takes; null for the fixed steps. */
    private final Category category;

    Agent(Category category) {
        this.category = category;
    }

    /** The specialist for a category; {@link #GENERAL} when there is none yet. */
    public static Agent specialistFor(Category category) {
        return Arrays.stream(values()).filter(a -> a.category != null && a.category == category).findFirst()
                .orElse(GENERAL);
    }

    /** The specialist for a category's wire name; {@link #GENERAL} for null or any other text. */
    public static Agent specialistFor(String category) {
        return specialistFor(WireName.parse(Category.class, category).orElse(null));
    }

    /** The specialist named {@code name} (a wire name such as {@code network}), if there is one. */
    public static Optional<Agent> specialist(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return WireName.parse(Agent.class, name.trim().toLowerCase(Locale.ROOT)).filter(Agent::isSpecialist);
    }

    public boolean isSpecialist() {
        return category != null;
    }

    /** The category this specialist takes; null for the fixed steps. */
    public Category category() {
        return category;
    }

    static boolean isCategory(String value) {
        return value != null && Arrays.stream(Category.values()).anyMatch(c -> c.name().equalsIgnoreCase(value));
    }
}
