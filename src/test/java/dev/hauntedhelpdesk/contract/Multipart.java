package dev.hauntedhelpdesk.contract;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Builds a multipart/form-data body the way browsers do (WHATWG HTML): UTF-8 names, with
 * {@code "}, CR and LF in names percent-encoded.
 */
public final class Multipart {

    private final String boundary = "----HelpdeskBoundary" + UUID.randomUUID().toString().replace("-", "");
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    public Multipart field(String name, String value) {
        if (value != null) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + escape(name) + "\"\r\n\r\n");
            write(value);
            write("\r\n");
        }
        return this;
    }

    /** A file part; {@code declaredType} null sends no Content-Type for the part. */
    public Multipart file(String field, String fileName, String declaredType, byte[] content) {
        write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + escape(field) + "\"; filename=\""
                + escape(fileName) + "\"\r\n");
        if (declaredType != null) {
            write("Content-Type: " + declaredType + "\r\n");
        }
        write("\r\n");
        body.writeBytes(content);
        write("\r\n");
        return this;
    }

    public Multipart ticket(String title, String description, String severity, String category) {
        return field("title", title).field("description", description).field("severity", severity)
                .field("category", category);
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    public byte[] bytes() {
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        copy.writeBytes(body.toByteArray());
        copy.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return copy.toByteArray();
    }

    /** The request: this form as the body of {@code method path}. */
    public ApiRequest to(String method, String path) {
        return ApiRequest.of(method, path).body(contentType(), bytes());
    }

    private void write(String s) {
        body.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String name) {
        return name.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }
}
