package dev.hauntedhelpdesk.triage;

import java.nio.file.Path;

/**
 * What the DJL tokenizer library inside the local embedding model must be told before its first
 * class loads. Only {@link MiniLmEmbedder} reaches DJL, and it applies these in its static
 * initializer, ahead of any DJL code.
 */
final class DjlSettings {

    /** Read by DJL's {@code Ec2Utils.callHome}: when true it returns before any network call. */
    static final String OPT_OUT_TRACKING = "OPT_OUT_TRACKING";
    /** DJL's offline switch (system property; the environment's {@code DJL_OFFLINE} wins over it). */
    static final String OFFLINE = "ai.djl.offline";
    static final String CACHE_DIR = "DJL_CACHE_DIR";

    private DjlSettings() {
    }

    static void apply() {
        // Every HuggingFaceTokenizer.newInstance calls Ec2Utils.callHome first: it asks the EC2
        // metadata service (169.254.169.254) for a session token, the instance id and the region,
        // then fetches https://djl-telemetry-<region>.s3.<region>.amazonaws.com/telemetry.txt with
        // them. The service promises that the local engine needs no network, so this is switched
        // off here, in code, for every start of both artifacts, not left to a variable someone
        // must remember to set.
        System.setProperty(OPT_OUT_TRACKING, "true");
        // Offline, DJL never downloads a native library it cannot find in the jar (or a CUDA build
        // of it on a machine with a GPU): it takes the CPU build shipped inside the artifact.
        System.setProperty(OFFLINE, "true");
        // The tokenizer's native library is unpacked into a cache dir; Lambda's home is read-only.
        if (System.getProperty(CACHE_DIR) == null && System.getenv(CACHE_DIR) == null) {
            System.setProperty(CACHE_DIR, Path.of(System.getProperty("java.io.tmpdir"), "djl").toString());
        }
    }
}
