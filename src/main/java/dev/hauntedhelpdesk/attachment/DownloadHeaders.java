package dev.hauntedhelpdesk.attachment;

import dev.hauntedhelpdesk.ticket.Attachment;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The headers a download is served with, wherever the bytes come from (this service or a storage
 * link): the type sniffed when the file was stored and an {@code attachment} disposition, so a
 * browser saves the file instead of rendering it.
 */
final class DownloadHeaders {

    /** Downloads are personal and a link is short-lived: neither may be kept by a cache. */
    static final String CACHE_CONTROL = "private, no-store";

    private DownloadHeaders() {
    }

    static String contentType(Attachment attachment) {
        String type = attachment.contentType();
        return type.startsWith("text/") ? type + ";charset=utf-8" : type;
    }

    /** RFC 6266: an ASCII fallback plus the exact (already sanitized) name in RFC 5987 form. */
    static String contentDisposition(String fileName) {
        String ascii = fileName.replaceAll("[^\\x20-\\x7E]", "_").replace("\"", "_").replace("\\", "_");
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
