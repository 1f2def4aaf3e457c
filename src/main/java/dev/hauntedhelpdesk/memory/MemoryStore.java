package dev.hauntedhelpdesk.memory;

import java.util.List;

/**
 * Where the triage team keeps what it learned. The production adapter is
 * {@link DynamoDbMemoryStore}: memories live in the service's table, not in files, because a
 * Lambda's disk does not outlive it.
 */
public interface MemoryStore {

    /**
     * The past resolutions in {@code category} closest to the query, most similar first, at
     * most {@code limit}, each at least {@code threshold} similar. Cosine similarity of the
     * embeddings when both sides have one, else the overlap of the keywords.
     */
    List<RecalledMemory> recall(String category, String text, float[] embedding, int limit, double threshold);

    /**
     * Stores one memory as a new item keyed by its time and ticket: a ticket remembered twice is
     * kept twice, and both take part in recall.
     */
    void remember(Memory memory);
}
