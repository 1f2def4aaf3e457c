package dev.hauntedhelpdesk.architecture.wrong.memory;

import dev.hauntedhelpdesk.architecture.wrong.problem.Vocabulary;
import dev.hauntedhelpdesk.architecture.wrong.ticket.MapsItems;

/** With {@link Vocabulary}, breaks "no two packages depend on each other". */
public final class Recall {

    public static String of() {
        return MapsItems.name();
    }

    static Class<?> problem() {
        return Vocabulary.class;
    }
}
