package dev.hauntedhelpdesk.triage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The local engine's examples and runbook steps, embedded once when they were written
 * ({@value #RESOURCE}), so that a start embeds only what is new instead of every text again:
 * about 0.65 s of a one-CPU start. A vector is found by the SHA-256 of its exact text, so
 * an edited or added line simply has none and is embedded at start like before; the file names
 * the model it came from, and a file from another model is ignored as a whole.
 * {@code StoredEmbeddingsTest} fails when the file no longer matches the texts or the model and
 * says how to write it again.
 */
final class StoredEmbeddings {

    static final String RESOURCE = "triage/embeddings.tsv";
    private static final String MODEL_LINE = "# model\t";

    private final Map<String, float[]> byDigest;

    private StoredEmbeddings(Map<String, float[]> byDigest) {
        this.byDigest = byDigest;
    }

    /** The vectors stored for {@code model}; none when the resource is missing or is another model's. */
    static StoredEmbeddings forModel(String model) {
        InputStream in = StoredEmbeddings.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            return new StoredEmbeddings(Map.of());
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return parse(reader.lines().toList(), model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static StoredEmbeddings parse(List<String> lines, String model) {
        Map<String, float[]> vectors = new LinkedHashMap<>();
        boolean sameModel = false;
        for (String line : lines) {
            if (line.startsWith(MODEL_LINE)) {
                sameModel = line.substring(MODEL_LINE.length()).equals(model);
            } else if (sameModel && !line.isBlank() && !line.startsWith("#")) {
                int tab = line.indexOf('\t');
                vectors.put(line.substring(0, tab), decode(line.substring(tab + 1)));
            }
        }
        return new StoredEmbeddings(Map.copyOf(vectors));
    }

    Optional<float[]> find(String text) {
        float[] vector = byDigest.get(digest(text));
        return vector == null ? Optional.empty() : Optional.of(vector.clone());
    }

    int size() {
        return byDigest.size();
    }

    /** The file's text for these texts' vectors, in their order. */
    static String write(String model, List<String> texts, List<float[]> vectors) {
        StringBuilder out = new StringBuilder()
                .append("# The local engine's examples and runbook steps, embedded by the model below:\n")
                .append("# SHA-256 of the text, then its vector (base64 of float32, little-endian).\n")
                .append(MODEL_LINE).append(model).append('\n');
        Map<String, float[]> unique = new LinkedHashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            unique.putIfAbsent(digest(texts.get(i)), vectors.get(i));
        }
        unique.forEach((digest, vector) -> out.append(digest).append('\t').append(encode(vector)).append('\n'));
        return out.toString();
    }

    static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    private static String encode(float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(vector);
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    private static float[] decode(String base64) {
        ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(base64)).order(ByteOrder.LITTLE_ENDIAN);
        float[] vector = new float[bytes.remaining() / Float.BYTES];
        bytes.asFloatBuffer().get(vector);
        return vector;
    }
}
