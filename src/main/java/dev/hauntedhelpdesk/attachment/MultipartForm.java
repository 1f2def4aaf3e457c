package dev.hauntedhelpdesk.attachment;

import org.apache.commons.fileupload2.core.AbstractFileUpload;
import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.core.FileItemHeaders;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.MultipartInput;
import org.apache.commons.fileupload2.core.RequestContext;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A multipart/form-data body, parsed from its raw bytes with Apache Commons FileUpload's
 * streaming {@link MultipartInput} (its header parsing included). Both runtimes hand the controller the same bytes (API Gateway's base64 is
 * undone by the Lambda proxy), so this one code path serves Netty and Lambda alike. Limits are
 * checked while reading: a file over {@code maxFileBytes} or a file beyond {@code maxFiles}
 * stops the parse before anything else is read.
 */
record MultipartForm(Map<String, String> fields, List<Upload> files) {

    /** Form fields are short (a ticket's description is at most 10,000 characters). */
    static final int MAX_FIELD_BYTES = 64 * 1024;
    /**
     * The library's default (512 bytes) refuses long but real file names, such as 255 CJK
     * characters (765 bytes in UTF-8); 8 KiB fits any file name and still bounds the headers.
     */
    static final int MAX_PART_HEADER_BYTES = 8 * 1024;

    /** A file as the client sent it: its claimed name (unsanitized) and its bytes. */
    record Upload(String fileName, byte[] content) {
    }

    MultipartForm {
        fields = Map.copyOf(fields);
        files = List.copyOf(files);
    }

    static MultipartForm parse(byte[] body, String contentType, long maxFileBytes, int maxFiles) {
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
            throw new MalformedMultipartException("Expected a multipart/form-data body");
        }
        Parser parser = new Parser();
        parser.setHeaderCharset(StandardCharsets.UTF_8);
        byte[] boundary = parser.getBoundary(contentType);
        if (boundary == null || boundary.length == 0) {
            throw new MalformedMultipartException("The Content-Type names no multipart boundary");
        }
        if (body == null || indexOf(body, delimiter(boundary)) < 0) {
            // The parser reads a body without its boundary as an empty form; that is a broken request.
            throw new MalformedMultipartException("The body does not contain the boundary its Content-Type names");
        }
        Map<String, String> fields = new HashMap<>();
        List<Upload> files = new ArrayList<>();
        try {
            MultipartInput input = MultipartInput.builder().setInputStream(new ByteArrayInputStream(body))
                    .setBoundary(boundary).setPartHeaderSizeMax(MAX_PART_HEADER_BYTES).get();
            input.setHeaderCharset(StandardCharsets.UTF_8);
            boolean more = input.skipPreamble();
            while (more) {
                FileItemHeaders headers = parser.getParsedHeaders(input.readHeaders());
                String field = parser.getFieldName(headers);
                String name = parser.getFileName(headers);
                if (field == null) {
                    input.discardBodyData();
                } else if (name == null) {
                    byte[] value = readAtMost(input, MAX_FIELD_BYTES);
                    if (value.length > MAX_FIELD_BYTES) {
                        throw new MalformedMultipartException("Form field '" + FileNames.sanitize(field)
                                + "' is longer than " + MAX_FIELD_BYTES + " bytes");
                    }
                    fields.putIfAbsent(field, new String(value, StandardCharsets.UTF_8));
                } else {
                    if (!name.isEmpty() && files.size() == maxFiles) {
                        throw new TooManyFilesException("At most " + maxFiles + " files per request");
                    }
                    byte[] content = readAtMost(input, maxFileBytes);
                    if (content.length > maxFileBytes) {
                        throw new FileTooLargeException(FileNames.sanitize(name), maxFileBytes);
                    }
                    if (!name.isEmpty() || content.length > 0) {
                        // An empty, nameless part is what browsers send for a file input left blank.
                        if (files.size() == maxFiles) {
                            throw new TooManyFilesException("At most " + maxFiles + " files per request");
                        }
                        files.add(new Upload(name, content));
                    }
                }
                more = input.readBoundary();
            }
        } catch (FileUploadException e) {
            throw new MalformedMultipartException("The multipart body could not be read: " + e.getMessage());
        } catch (IOException e) {
            throw new MalformedMultipartException("The multipart body is truncated or malformed");
        }
        return new MultipartForm(fields, files);
    }

    private static byte[] delimiter(byte[] boundary) {
        byte[] delimiter = new byte[boundary.length + 2];
        delimiter[0] = '-';
        delimiter[1] = '-';
        System.arraycopy(boundary, 0, delimiter, 2, boundary.length);
        return delimiter;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Reads up to {@code limit + 1} bytes of the current part, so "at the limit" and "over it" differ. */
    private static byte[] readAtMost(MultipartInput input, long limit) throws IOException {
        try (InputStream in = input.newInputStream()) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        }
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
