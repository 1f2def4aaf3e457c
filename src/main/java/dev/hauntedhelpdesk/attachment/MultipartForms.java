package dev.hauntedhelpdesk.attachment;

import dev.hauntedhelpdesk.config.HelpdeskSettings;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Parses multipart bodies within this deployment's upload limits, for the controllers that take
 * files; the services they call see only the parsed {@link MultipartForm}.
 */
@Singleton
class MultipartForms {

    private final UploadLimits limits;
    /** Where uploaded files wait, one temporary file each, until they are checked and stored. */
    private final Path tempDir = Path.of(System.getProperty("java.io.tmpdir"));

    MultipartForms(HelpdeskSettings settings) {
        this.limits = UploadLimits.of(settings);
    }

    /** The most a multipart request body may hold: its files and fields with their framing. */
    long maxRequestBytes() {
        return limits.maxRequestBytes();
    }

    /**
     * Reads {@code body} as it streams in, and closes it; the caller closes the form, which
     * removes the files' temporary copies.
     */
    MultipartForm read(InputStream body, String contentType) {
        try (body) {
            return MultipartForm.read(body, contentType, limits, tempDir);
        } catch (IOException e) {
            // Closing a body that was read to its end, or abandoned at a limit, has nothing left to fail on.
            throw new UncheckedIOException(e);
        }
    }
}
