package dev.hauntedhelpdesk.attachment;

import dev.hauntedhelpdesk.contract.SampleFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link AttachmentStorage} adapter must do, run against a real directory and moto's S3. */
abstract class AttachmentStorageContract {

    protected abstract AttachmentStorage storage();

    @Test
    void put_thenGet_returnsTheSameBytes_andSizeTheirLength() {
        String key = StorageKeys.stored(UUID.randomUUID().toString());
        byte[] png = SampleFiles.png(70_000, 1);
        storage().put(key, png, "image/png");

        assertArrayEquals(png, storage().get(key).orElseThrow());
        assertEquals(OptionalLong.of(png.length), storage().size(key));
    }

    @Test
    void put_fromAFile_storesItsBytes_andLeavesTheFileWhereItWas(@TempDir Path dir) throws IOException {
        String key = StorageKeys.stored(UUID.randomUUID().toString());
        byte[] png = SampleFiles.png(300_000, 2);
        Path file = Files.write(dir.resolve("upload.part"), png);
        storage().put(key, file, "image/png");

        assertArrayEquals(png, storage().get(key).orElseThrow());
        assertEquals(OptionalLong.of(png.length), storage().size(key));
        assertTrue(Files.exists(file), "the caller removes its own temporary file");
    }

    @Test
    void put_replacesWhatWasStoredUnderTheKey() {
        String key = StorageKeys.stored(UUID.randomUUID().toString());
        storage().put(key, SampleFiles.log("first"), "text/plain");
        storage().put(key, SampleFiles.log("second"), "text/plain");
        assertArrayEquals(SampleFiles.log("second"), storage().get(key).orElseThrow());
    }

    @Test
    void delete_removesTheBytes_andAMissingKeyIsNoError() {
        String key = StorageKeys.incoming(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        storage().put(key, SampleFiles.log("bye"), "text/plain");
        storage().delete(key);
        storage().delete(key);

        assertTrue(storage().get(key).isEmpty());
        assertTrue(storage().size(key).isEmpty());
    }

    @Test
    void keysThatAreNotGeneratedIds_areRefused_soNoPathCanBeSmuggledIn() {
        for (String key : new String[]{"../outside", "attachments/../../etc/passwd", "attachments/x.png", "/abs",
                "attachments/" + UUID.randomUUID() + "/../../x"}) {
            assertThrows(IllegalArgumentException.class, () -> storage().put(key, new byte[]{1}, "image/png"), key);
            assertThrows(IllegalArgumentException.class, () -> storage().get(key), key);
        }
    }
}
