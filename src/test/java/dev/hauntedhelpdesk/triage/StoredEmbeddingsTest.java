package dev.hauntedhelpdesk.triage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stored vectors of the engine's own texts ({@link StoredEmbeddings}) are exactly what the
 * model gives for today's examples and runbook steps, and the embedder uses them. When this fails
 * after an edit of {@code examples.tsv} or {@code runbooks.tsv}, or a model upgrade, write the file
 * again: {@code ./mvnw -B -pl src test -Dtest=StoredEmbeddingsTest -Dtriage.write-embeddings=true}.
 */
class StoredEmbeddingsTest {

    private static final String REWRITE = "; write it again: ./mvnw -B -pl src test -Dtest=StoredEmbeddingsTest"
            + " -Dtriage.write-embeddings=true";

    private static MiniLmEmbedder embedder;

    @BeforeAll
    static void loadModel() {
        embedder = new MiniLmEmbedder();
    }

    private static List<String> engineTexts() {
        List<String> texts = new ArrayList<>();
        LabelledText.read("triage/examples.tsv").forEach(t -> texts.add(t.text()));
        LabelledText.read("triage/runbooks.tsv").forEach(t -> texts.add(t.text()));
        return List.copyOf(new LinkedHashSet<>(texts));
    }

    @Test
    void everyTextOfTheEngineHasTheModelsOwnVector_andNothingElseIsStored() {
        StoredEmbeddings stored = StoredEmbeddings.forModel(MiniLmEmbedder.MODEL);
        List<String> texts = engineTexts();
        List<float[]> live = embedder.embedWithModel(texts);
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            assertTrue(stored.find(text).isPresent(), "no stored vector for \"" + text + "\"" + REWRITE);
            assertArrayEquals(live.get(i), stored.find(text).orElseThrow(), 1e-5f,
                    "the stored vector of \"" + text + "\" is not the model's" + REWRITE);
        }
        assertEquals(texts.size(), stored.size(), "vectors for texts the engine no longer has" + REWRITE);
    }

    @Test
    void theEmbedderTakesAStoredVector_andEmbedsATextWithoutOne() {
        float[] marked = new float[384];
        Arrays.fill(marked, 0.5f);
        String storedText = "a text whose stored vector is marked";
        String newText = "My laptop will not connect to the office wifi";
        StoredEmbeddings stored = StoredEmbeddings.parse(
                StoredEmbeddings.write(MiniLmEmbedder.MODEL, List.of(storedText), List.of(marked)).lines().toList(),
                MiniLmEmbedder.MODEL);
        List<float[]> vectors = new MiniLmEmbedder(stored).embedAll(List.of(storedText, newText));

        assertArrayEquals(marked, vectors.get(0));
        assertArrayEquals(embedder.embed(newText), vectors.get(1));
    }

    @Test
    void anotherModelsFileIsIgnored() {
        String text = "VPN drops every few minutes";
        List<String> file = StoredEmbeddings.write("another-model", List.of(text), List.of(new float[] {1f, 0f}))
                .lines().toList();

        assertTrue(StoredEmbeddings.parse(file, MiniLmEmbedder.MODEL).find(text).isEmpty());
        assertArrayEquals(new float[] {1f, 0f}, StoredEmbeddings.parse(file, "another-model").find(text).orElseThrow());
    }

    /** Not a check: writes {@value StoredEmbeddings#RESOURCE} from the model, when asked to. */
    @Test
    @EnabledIfSystemProperty(named = "triage.write-embeddings", matches = "true")
    void writeTheStoredVectors() throws Exception {
        List<String> texts = engineTexts();
        Path file = Path.of(System.getProperty("basedir", "."), "main", "resources").resolve(StoredEmbeddings.RESOURCE);
        Files.writeString(file, StoredEmbeddings.write(MiniLmEmbedder.MODEL, texts, embedder.embedWithModel(texts)),
                StandardCharsets.UTF_8);
        System.out.println("Wrote " + texts.size() + " vectors to " + file.toAbsolutePath());
    }
}
