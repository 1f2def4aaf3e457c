package dev.hauntedhelpdesk.triage;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Which native libraries an unpacked artifact lets the engine load in place, laid out as the jar holds them. */
class UnpackedNativesTest {

    private static final UnpackedNatives.Platform X64 = new UnpackedNatives.Platform("linux-x64", "linux-x86_64");

    @Test
    void bothLibrariesWhereTheJarPutsThem_arePointedAt(@TempDir Path root) throws IOException {
        Path onnx = touch(root, "ai/onnxruntime/native/linux-x64/libonnxruntime.so").getParent();
        touch(root, "ai/onnxruntime/native/linux-x64/libonnxruntime4j_jni.so");
        Path tokenizer = touch(root, "native/lib/linux-x86_64/cpu/libtokenizers.so");

        assertEquals(Map.of(UnpackedNatives.ONNX_RUNTIME_PATH, onnx.toString(),
                UnpackedNatives.TOKENIZER_LIBRARY, tokenizer.toString()), UnpackedNatives.settingsFor(root, X64));
    }

    @Test
    void anotherArchitecturesLibraries_orAnIncompleteSet_changeNothing(@TempDir Path root) throws IOException {
        touch(root, "ai/onnxruntime/native/linux-aarch64/libonnxruntime.so");
        touch(root, "ai/onnxruntime/native/linux-aarch64/libonnxruntime4j_jni.so");
        touch(root, "native/lib/linux-aarch64/cpu/libtokenizers.so");
        // ONNX Runtime loads two libraries from the directory; with one missing it must unpack its own.
        touch(root, "ai/onnxruntime/native/linux-x64/libonnxruntime.so");

        assertEquals(Map.of(), UnpackedNatives.settingsFor(root, X64));
    }

    @Test
    void anImagesRoot_winsOverTheTaskRoot(@TempDir Path root) {
        String before = System.getProperty(UnpackedNatives.ROOT);
        try {
            System.setProperty(UnpackedNatives.ROOT, root.toString());
            assertEquals(root.toString(), UnpackedNatives.root());
            System.setProperty(UnpackedNatives.ROOT, " ");
            assertEquals(System.getenv("LAMBDA_TASK_ROOT"), UnpackedNatives.root());
        } finally {
            restore(UnpackedNatives.ROOT, before);
        }
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }

    @Test
    void anImagesRootWithoutTheLibraries_isWarnedAbout_andChangesNothing(@TempDir Path root) {
        assumeTrue(UnpackedNatives.Platform.current().isPresent(), "a Linux machine of either architecture");
        Logger logger = (Logger) LoggerFactory.getLogger(UnpackedNatives.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        String before = System.getProperty(UnpackedNatives.ONNX_RUNTIME_PATH);
        String rootBefore = System.getProperty(UnpackedNatives.ROOT);
        try {
            System.setProperty(UnpackedNatives.ROOT, root.toString());
            UnpackedNatives.useIfPresent(UnpackedNatives.root());

            assertEquals(before, System.getProperty(UnpackedNatives.ONNX_RUNTIME_PATH));
            assertEquals(1, log.list.size(), log.list::toString);
            assertEquals(Level.WARN, log.list.get(0).getLevel());
            assertTrue(log.list.get(0).getFormattedMessage().contains(UnpackedNatives.ROOT + "=" + root),
                    log.list.get(0).getFormattedMessage());
        } finally {
            restore(UnpackedNatives.ROOT, rootBefore);
            logger.detachAppender(log);
        }
    }

    @Test
    void theLayoutIsTheOneTheEnginesJarsShip() throws IOException {
        // The paths looked for are the jars' own entries, so an upgrade that moves them fails here.
        try (ZipFile onnx = new ZipFile(jarOf(ai.onnxruntime.OrtEnvironment.class));
             ZipFile tokenizers = new ZipFile(jarOf(ai.djl.huggingface.tokenizers.HuggingFaceTokenizer.class))) {
            assertNotNull(onnx.getEntry("ai/onnxruntime/native/linux-x64/libonnxruntime.so"));
            assertNotNull(onnx.getEntry("ai/onnxruntime/native/linux-x64/libonnxruntime4j_jni.so"));
            assertNotNull(tokenizers.getEntry("native/lib/linux-x86_64/cpu/libtokenizers.so"));
        }
    }

    private static String jarOf(Class<?> type) {
        String location = type.getProtectionDomain().getCodeSource().getLocation().getPath();
        assertTrue(location.endsWith(".jar"), location);
        return location;
    }

    private static Path touch(Path root, String path) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "elf");
    }
}
