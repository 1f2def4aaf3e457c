package dev.hauntedhelpdesk.triage;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;

import java.nio.file.Path;
import java.util.List;

/**
 * all-MiniLM-L6-v2 sentence embeddings through LangChain4j's in-process ONNX runtime. The model
 * and its tokenizer ship inside the Maven artifact, so nothing is downloaded at run time.
 */
public final class MiniLmEmbedder implements Embedder {

    private final AllMiniLmL6V2EmbeddingModel model;

    public MiniLmEmbedder() {
        // The tokenizer's native library is unpacked into a cache dir; Lambda's home is read-only.
        if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", Path.of(System.getProperty("java.io.tmpdir"), "djl").toString());
        }
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
