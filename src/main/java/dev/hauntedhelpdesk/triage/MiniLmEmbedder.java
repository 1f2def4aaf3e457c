package dev.hauntedhelpdesk.triage;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * all-MiniLM-L6-v2 sentence embeddings, int8-quantized, through LangChain4j's in-process ONNX
 * runtime. The quantized model is a fifth of the full one's size and loads several times faster
 * at the same accuracy on the local engine's benchmark ({@code LocalEngineBenchmark}). The model
 * and its tokenizer ship inside the Maven artifact, so nothing is downloaded at run time, and DJL
 * (the tokenizer's library) is kept from calling home ({@link DjlSettings}). The engine's own
 * texts come with their vectors ({@link StoredEmbeddings}), so only new ones are embedded at start.
 */
public final class MiniLmEmbedder implements Embedder {

    /** The model's name as health and the benchmark report it. */
    public static final String MODEL = "all-MiniLM-L6-v2-q";

    static {
        // Before the model class's own static initializer builds the tokenizer, which would
        // otherwise call the EC2 metadata service and DJL's telemetry host, and before either
        // native library is looked for.
        DjlSettings.apply();
        UnpackedNatives.useIfPresent(UnpackedNatives.root());
    }

    private static final Logger LOG = LoggerFactory.getLogger(MiniLmEmbedder.class);

    private final AllMiniLmL6V2QuantizedEmbeddingModel model;
    private final StoredEmbeddings stored;

    public MiniLmEmbedder() {
        this(StoredEmbeddings.forModel(MODEL));
    }

    MiniLmEmbedder(StoredEmbeddings stored) {
        this.model = new AllMiniLmL6V2QuantizedEmbeddingModel();
        this.stored = stored;
    }

    @Override
    public float[] embed(String text) {
        return model.embed(text).content().vector();
    }

    /** Stored vectors where the texts have them; the model embeds the rest, all in one batch. */
    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.stream().map(t -> stored.find(t).orElse(null)).toList());
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < vectors.size(); i++) {
            if (vectors.get(i) == null) {
                missing.add(i);
            }
        }
        if (missing.isEmpty()) {
            return List.copyOf(vectors);
        }
        LOG.info("{} of {} texts have no stored vector ({}); embedding them now", missing.size(), texts.size(),
                StoredEmbeddings.RESOURCE);
        List<float[]> embedded = embedWithModel(missing.stream().map(texts::get).toList());
        for (int i = 0; i < missing.size(); i++) {
            vectors.set(missing.get(i), embedded.get(i));
        }
        return List.copyOf(vectors);
    }

    /** The model's own vectors, never the stored ones: what the stored file is written from and checked against. */
    List<float[]> embedWithModel(List<String> texts) {
        return model.embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
                .map(Embedding::vector).toList();
    }
}
