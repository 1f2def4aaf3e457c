package dev.hauntedhelpdesk.memory;

import java.util.List;

/**
 * What the team remembers of one resolved ticket: the question, the resolution, its keywords,
 * an embedding when the engine has one (else {@code null}), and when it was stored.
 */
public record Memory(String ticketId, String category, String query, String resolution, List<String> keywords,
                     float[] embedding, String createdAt) {

    public Memory {
        keywords = List.copyOf(keywords);
    }
}
