package dev.hauntedhelpdesk.architecture.wrong.problem;

import dev.hauntedhelpdesk.architecture.wrong.memory.Recall;

/**
 * Breaks "the shared vocabulary depends on no feature", and with {@link Recall} closes a cycle
 * between two packages.
 */
public final class Vocabulary {

    public static String recalled() {
        return Recall.of();
    }
}
