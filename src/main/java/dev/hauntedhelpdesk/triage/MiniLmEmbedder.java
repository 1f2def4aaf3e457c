package dev.hauntedhelpdesk.triage;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;

import java.util.List;

/**
 * all-MiniLM-L6-v2 sentence embeddings through LangChain4j's in-process ONNX runtime. The model
 * and its tokenizer ship inside the Maven artifact, so nothing is downloaded at run time, and DJL
 * (the tokenizer's library) is kept from calling home ({@link DjlSettings}).
 */
public final class MiniLmEmbedder implements Embedder {

    static {
        // Before AllMiniLmL6V2EmbeddingModel's own static initializer builds the tokenizer, which
        // would otherwise call the EC2 metadata service and DJL's telemetry host.
        DjlSettings.apply();
    }

    private final AllMiniLmL6V2EmbeddingModel model;

    public MiniLmEmbedder() {
        this.model = new AllMiniLmL6V2EmbeddingModel();
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
