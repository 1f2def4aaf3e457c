package dev.hauntedhelpdesk.attachment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The filesystem adapter against a real temporary directory. */
class FileSystemAttachmentStorageTest extends AttachmentStorageContract {

    @TempDir
    Path root;

    @Override
    protected AttachmentStorage storage() {
        return new FileSystemAttachmentStorage(root);
    }

    @Test
    void put_writesOneFileUnderTheRoot_andLeavesNoTemporaryFileBehind() throws IOException {
        String id = UUID.randomUUID().toString();
        storage().put(StorageKeys.stored(id), new byte[]{1, 2, 3}, "image/png");

        try (Stream<Path> files = Files.walk(root)) {
            assertEquals(java.util.List.of(root.resolve("attachments").resolve(id)),
                    files.filter(Files::isRegularFile).toList());
        }
    }

    @Test
    void uploadUrl_isNotOffered() {
        assertTrue(storage().uploadUrl(StorageKeys.stored(UUID.randomUUID().toString()), 10, Duration.ofMinutes(1))
                .isEmpty());
    }

    @Test
    void downloadUrl_isNotOffered_soTheServiceSendsTheBytes() {
        assertTrue(storage().downloadUrl(StorageKeys.stored(UUID.randomUUID().toString()), "image/png",
                "attachment", "no-store", Duration.ofMinutes(1)).isEmpty());
    }
}
