package dev.hauntedhelpdesk.triage;

/** Turns text into a sentence embedding (unit length). The production one is {@link MiniLmEmbedder}. */
public interface Embedder {

    float[] embed(String text);

    /** Embeds many texts; implementations may spread the work over the cores. */
    default java.util.List<float[]> embedAll(java.util.List<String> texts) {
        return texts.stream().map(this::embed).toList();
    }
}
