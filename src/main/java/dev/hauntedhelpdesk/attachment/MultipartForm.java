package dev.hauntedhelpdesk.attachment;

import dev.hauntedhelpdesk.problem.PayloadTooLargeException;
import dev.hauntedhelpdesk.request.BodyTooLargeException;
import org.apache.commons.fileupload2.core.AbstractFileUpload;
import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.core.FileItemHeaders;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.MultipartInput;
import org.apache.commons.fileupload2.core.RequestContext;
import org.apache.commons.io.IOUtils;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A multipart/form-data body, parsed as it streams in with Apache Commons FileUpload's
 * {@link MultipartInput} (its header parsing included). Both runtimes hand the controller the
 * same bytes (API Gateway's base64 is undone by the Lambda proxy), so this one code path serves
 * Netty and Lambda alike. Limits are checked while reading: the body past
 * {@link UploadLimits#maxRequestBytes()}, a field past {@link UploadLimits#MAX_FIELD_BYTES}, a file
 * past {@link UploadLimits#maxFileBytes()} or a file beyond {@link UploadLimits#maxFiles()} stops
 * the parse before anything else is read. Files go to temporary files as they arrive, with their
 * SHA-256 computed on the way, so no file is ever held in memory whole; closing the form removes
 * them, and a failed parse removes them at once.
 */
record MultipartForm(Map<String, String> fields, List<Upload> files) implements AutoCloseable {

    /**
     * The library's default (512 bytes) refuses long but real file names, such as 255 CJK
     * characters (765 bytes in UTF-8); 8 KiB fits any file name and still bounds the headers.
     */
    static final int MAX_PART_HEADER_BYTES = 8 * 1024;

    /**
     * A file as the client sent it: its claimed name (unsanitized), where its bytes wait, how many
     * there are, and their SHA-256 (hex).
     */
    record Upload(String fileName, Path content, long size, String sha256) {
    }

    MultipartForm {
        fields = Map.copyOf(fields);
        files = List.copyOf(files);
    }

    /**
     * Reads {@code body} to its end (or to the first limit it breaks), writing files under
     * {@code tempDir}. The caller closes the returned form, which removes those files.
     */
    static MultipartForm read(InputStream body, String contentType, UploadLimits limits, Path tempDir) {
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
            throw new MalformedMultipartException("Expected a multipart/form-data body");
        }
        Parser parser = new Parser();
        parser.setHeaderCharset(StandardCharsets.UTF_8);
        byte[] boundary = parser.getBoundary(contentType);
        if (boundary == null || boundary.length == 0) {
            throw new MalformedMultipartException("The Content-Type names no multipart boundary");
        }
        Map<String, String> fields = new HashMap<>();
        List<Upload> files = new ArrayList<>();
        List<Path> written = new ArrayList<>();
        try {
            MultipartInput input = MultipartInput.builder().setInputStream(body)
                    .setBoundary(boundary).setPartHeaderSizeMax(MAX_PART_HEADER_BYTES).get();
            input.setHeaderCharset(StandardCharsets.UTF_8);
            if (!input.skipPreamble()) {
                // The parser reads a body without its boundary as an empty form; that is a broken request.
                throw new MalformedMultipartException("The body contains no part delimited by the boundary its"
                        + " Content-Type names");
            }
            boolean more = true;
            while (more) {
                FileItemHeaders headers = parser.getParsedHeaders(input.readHeaders());
                String field = parser.getFieldName(headers);
                String name = parser.getFileName(headers);
                if (field == null) {
                    input.discardBodyData();
                } else if (name == null) {
                    byte[] value = readAtMost(input, UploadLimits.MAX_FIELD_BYTES);
                    if (value.length > UploadLimits.MAX_FIELD_BYTES) {
                        throw new FieldTooLargeException(FileNames.sanitize(field));
                    }
                    fields.putIfAbsent(field, new String(value, StandardCharsets.UTF_8));
                } else {
                    if (!name.isEmpty() && files.size() == limits.maxFiles()) {
                        throw new TooManyFilesException("At most " + limits.maxFiles() + " files per request");
                    }
                    Path file = temporaryFile(tempDir);
                    written.add(file);
                    MessageDigest sha256 = sha256();
                    InputStream part = new DigestInputStream(input.newInputStream(), sha256);
                    long size;
                    try (OutputStream out = new LocalDisk(file)) {
                        // One byte past the limit tells "at the limit" from "over it".
                        size = IOUtils.copyLarge(part, out, 0, limits.maxFileBytes() + 1);
                    }
                    if (size > limits.maxFileBytes()) {
                        // Left open: closing a part reads the rest of it, and the parse ends here.
                        throw new FileTooLargeException(FileNames.sanitize(name), limits.maxFileBytes());
                    }
                    part.close();
                    if (!name.isEmpty() || size > 0) {
                        // An empty, nameless part is what browsers send for a file input left blank.
                        if (files.size() == limits.maxFiles()) {
                            throw new TooManyFilesException("At most " + limits.maxFiles() + " files per request");
                        }
                        files.add(new Upload(name, file, size, HexFormat.of().formatHex(sha256.digest())));
                    } else {
                        Files.delete(file);
                        written.remove(file);
                    }
                }
                more = input.readBoundary();
            }
        } catch (IOException e) {
            // Only reading the body throws these here: the temporary files report their own failures.
            deleteQuietly(written);
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof BodyTooLargeException) {
                    throw new PayloadTooLargeException(limits.maxRequestBytes());
                }
            }
            if (e instanceof FileUploadException) {
                throw new MalformedMultipartException("The multipart body could not be read: " + e.getMessage());
            }
            throw new MalformedMultipartException("The multipart body is truncated or malformed");
        } catch (RuntimeException e) {
            deleteQuietly(written);
            throw e;
        }
        return new MultipartForm(fields, files);
    }

    /** Removes the files' temporary copies; what was stored from them stays. */
    @Override
    public void close() {
        deleteQuietly(files.stream().map(Upload::content).toList());
    }

    private static void deleteQuietly(List<Path> paths) {
        for (Path path : paths) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // A leftover temporary file costs disk, not correctness; the request's answer matters more.
                LoggerFactory.getLogger(MultipartForm.class).warn("Could not remove temporary upload {}", path, e);
            }
        }
    }

    private static Path temporaryFile(Path tempDir) {
        try {
            return Files.createTempFile(tempDir, "upload-", ".part");
        } catch (IOException e) {
            throw new StorageUnavailableException(e);
        }
    }

    /**
     * A temporary file to write to whose failures (a full or broken disk) are the service's, not
     * the client's: 503, never taken for a malformed body.
     */
    private static final class LocalDisk extends FilterOutputStream {

        LocalDisk(Path file) {
            super(newOutputStream(file));
        }

        private static OutputStream newOutputStream(Path file) {
            try {
                return Files.newOutputStream(file);
            } catch (IOException e) {
                throw new StorageUnavailableException(e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw new StorageUnavailableException(e);
            }
        }

        @Override
        public void write(int b) {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void flush() {
            try {
                out.flush();
            } catch (IOException e) {
                throw new StorageUnavailableException(e);
            }
        }

        @Override
        public void close() {
            try {
                out.close();
            } catch (IOException e) {
                throw new StorageUnavailableException(e);
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /**
     * Reads up to {@code limit + 1} bytes of the current part, so "at the limit" and "over it"
     * differ; a part over the limit is left unread (closing it would read the rest).
     */
    private static byte[] readAtMost(MultipartInput input, int limit) throws IOException {
        InputStream in = input.newInputStream();
        byte[] bytes = in.readNBytes(limit + 1);
        if (bytes.length <= limit) {
            in.close();
        }
        return bytes;
    }

    /** The body as the parser wants to see a request. */
    private record RawBody(byte[] bytes, String contentType) implements RequestContext {

        @Override
        public String getCharacterEncoding() {
            return StandardCharsets.UTF_8.name();
        }

        @Override
        public long getContentLength() {
            return bytes.length;
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        public InputStream getInputStream() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public boolean isMultipartRelated() {
            return false;
        }
    }

    /** The library's parser is abstract over a request type; raw bytes are all this service has. */
    private static final class Parser extends AbstractFileUpload<RawBody, DiskFileItem, DiskFileItemFactory> {

        @Override
        public FileItemInputIterator getItemIterator(RawBody request) throws IOException {
            return super.getItemIterator((RequestContext) request);
        }

        @Override
        public Map<String, List<DiskFileItem>> parseParameterMap(RawBody request) throws FileUploadException {
            return super.parseParameterMap((RequestContext) request);
        }

        @Override
        public List<DiskFileItem> parseRequest(RawBody request) throws FileUploadException {
            return super.parseRequest((RequestContext) request);
        }
    }
}
