package dev.hauntedhelpdesk.triage;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

import java.util.List;

/**
 * all-MiniLM-L6-v2 sentence embeddings, int8-quantized, through LangChain4j's in-process ONNX
 * runtime. The quantized model is a fifth of the full one's size and loads several times faster
 * at the same accuracy on the local engine's benchmark ({@code LocalEngineBenchmark}). The model
 * and its tokenizer ship inside the Maven artifact, so nothing is downloaded at run time, and DJL
 * (the tokenizer's library) is kept from calling home ({@link DjlSettings}).
 */
public final class MiniLmEmbedder implements Embedder {

    /** The model's name as health and the benchmark report it. */
    public static final String MODEL = "all-MiniLM-L6-v2-q";

    static {
        // Before the model class's own static initializer builds the tokenizer, which would
        // otherwise call the EC2 metadata service and DJL's telemetry host.
        DjlSettings.apply();
    }

    private final AllMiniLmL6V2QuantizedEmbeddingModel model;

    public MiniLmEmbedder() {
        this.model = new AllMiniLmL6V2QuantizedEmbeddingModel();
    }

    @Override
    public float[] embed(String text) {
        return model.embed(text).content().vector();
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        return model.embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
                .map(Embedding::vector).toList();
    }
}
