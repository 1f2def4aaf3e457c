package dev.hauntedhelpdesk.triage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Points ONNX Runtime and the DJL tokenizer at their native libraries where they lie unpacked at
 * their paths in the jar: under {@link #ROOT} where an image's build unpacked them (both
 * Dockerfiles), else under {@code LAMBDA_TASK_ROOT}, where Lambda unpacks a zip. Without this each
 * copies its library (about 30 MB together) out of the jar into {@code java.io.tmpdir} and loads
 * it from there: on every cold start, since a new execution environment starts with an empty
 * {@code /tmp}, and not at all where {@code /tmp} is {@code noexec}. Only this class knows where
 * the libraries sit in the jar. A setting made by hand (a system property, or
 * {@code RUST_LIBRARY_PATH} in the environment) wins; where a library is not a file under the
 * root, nothing changes and the libraries unpack themselves as before.
 */
final class UnpackedNatives {

    private static final Logger LOG = LoggerFactory.getLogger(UnpackedNatives.class);

    /** ONNX Runtime's directory of libonnxruntime.so and libonnxruntime4j_jni.so. */
    static final String ONNX_RUNTIME_PATH = "onnxruntime.native.path";
    /** DJL's override for the tokenizer library: the file itself (system property or environment). */
    static final String TOKENIZER_LIBRARY = "RUST_LIBRARY_PATH";

    /** The directory an image's build unpacked the jar's native libraries into (system property). */
    static final String ROOT = "helpdesk.triage.native-root";

    private UnpackedNatives() {
    }

    /** {@link #ROOT} when set, else {@code LAMBDA_TASK_ROOT}; null when neither is. */
    static String root() {
        String root = System.getProperty(ROOT);
        return root != null && !root.isBlank() ? root : System.getenv("LAMBDA_TASK_ROOT");
    }

    static void useIfPresent(String root) {
        Optional<Platform> platform = Platform.current();
        if (root == null || root.isBlank() || platform.isEmpty()) {
            return;
        }
        Map<String, String> settings = settingsFor(Path.of(root), platform.get());
        if (settings.size() < 2 && root.equals(System.getProperty(ROOT))) {
            // Named on purpose (an image's entry point), so a missing library is a broken image:
            // on a noexec /tmp the copy the library falls back to cannot load.
            LOG.warn("{}={} lacks the local engine's native libraries for {} (found: {}); those missing load from"
                    + " copies in java.io.tmpdir", ROOT, root, platform.get().onnx(), settings.keySet());
        }
        settings.forEach((name, value) -> {
            if (System.getProperty(name) == null && System.getenv(name) == null) {
                System.setProperty(name, value);
            }
        });
    }

    /** The settings that point each library at its file under {@code root}, for those that are there. */
    static Map<String, String> settingsFor(Path root, Platform platform) {
        Map<String, String> settings = new LinkedHashMap<>();
        Path onnx = root.resolve("ai/onnxruntime/native").resolve(platform.onnx());
        if (Files.isRegularFile(onnx.resolve("libonnxruntime.so"))
                && Files.isRegularFile(onnx.resolve("libonnxruntime4j_jni.so"))) {
            settings.put(ONNX_RUNTIME_PATH, onnx.toString());
        }
        Path tokenizer = root.resolve("native/lib").resolve(platform.djl()).resolve("cpu/libtokenizers.so");
        if (Files.isRegularFile(tokenizer)) {
            settings.put(TOKENIZER_LIBRARY, tokenizer.toString());
        }
        return settings;
    }

    /** The two libraries' names for this Linux machine's architecture (Lambda runs Linux only). */
    record Platform(String onnx, String djl) {

        static Optional<Platform> current() {
            if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
                return Optional.empty();
            }
            return switch (System.getProperty("os.arch", "")) {
                case "amd64", "x86_64" -> Optional.of(new Platform("linux-x64", "linux-x86_64"));
                case "aarch64" -> Optional.of(new Platform("linux-aarch64", "linux-aarch64"));
                default -> Optional.empty();
            };
        }
    }
}
