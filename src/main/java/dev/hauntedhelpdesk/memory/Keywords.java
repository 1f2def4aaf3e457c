package dev.hauntedhelpdesk.memory;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The content words of a text, for recall when no embedding is available. Not a classifier:
 * it only strips punctuation, case and the commonest English function words.
 */
public final class Keywords {

    private static final Set<String> STOP = Set.of("the", "and", "for", "with", "that", "this", "from", "have",
            "has", "was", "were", "are", "but", "not", "you", "your", "our", "can", "cannot", "will", "when", "what",
            "after", "since", "into", "onto", "there", "their", "they", "them", "then", "than", "just", "also",
            "any", "all", "its", "it's", "been", "being", "does", "did", "doing", "about", "again", "some", "very");
    private static final int MAX = 40;

    private Keywords() {
    }

    public static List<String> of(String text) {
        Set<String> words = new LinkedHashSet<>();
        for (String raw : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}.-]+")) {
            String word = raw.replaceAll("^[.-]+|[.-]+$", "");
            if (word.length() >= 3 && !STOP.contains(word)) {
                words.add(word);
                if (words.size() == MAX) {
                    break;
                }
            }
        }
        return List.copyOf(words);
    }

    /** Jaccard overlap of two keyword lists, 0 to 1. */
    public static double overlap(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> union = new java.util.HashSet<>(a);
        union.addAll(b);
        long common = a.stream().distinct().filter(b::contains).count();
        return (double) common / union.size();
    }

    /** Cosine similarity of two vectors of the same length, 0 when either is missing. */
    public static double cosine(float[] a, float[] b) {
        if (a == null || b == null || a.length != b.length || a.length == 0) {
            return 0;
        }
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / (Math.sqrt(na) * Math.sqrt(nb));
    }
}
