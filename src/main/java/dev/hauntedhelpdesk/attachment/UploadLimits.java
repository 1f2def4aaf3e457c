package dev.hauntedhelpdesk.attachment;

import dev.hauntedhelpdesk.config.HelpdeskSettings;

/**
 * How much one multipart request may carry: each file at most {@code MAX_UPLOAD_SIZE_MB}, at most
 * {@code MAX_FILES_PER_REQUEST} files, each form field at most {@value #MAX_FIELD_BYTES} bytes,
 * and the whole body at most {@link #maxRequestBytes()}. The container's HTTP server takes its
 * request-size limit from here too, so both runtimes refuse the same bodies.
 *
 * @param maxFileBytes the most bytes one file may have
 * @param maxFiles     the most files one request may carry
 */
public record UploadLimits(long maxFileBytes, int maxFiles) {

    /** Form fields are short (a ticket's description is at most 10,000 characters). */
    public static final int MAX_FIELD_BYTES = 64 * 1024;
    /** Room for each file part's boundary and headers (a file name may take 8 KiB). */
    public static final long PART_ALLOWANCE = 16 * 1024;
    /** Room for the form fields and their parts. */
    public static final long FORM_ALLOWANCE = 256 * 1024;

    public static UploadLimits of(HelpdeskSettings settings) {
        return new UploadLimits(settings.maxUploadSizeMb() * 1024L * 1024L, settings.attachments().maxFilesPerRequest());
    }

    /** The largest body a request may have: every file at its limit, plus the form. */
    public long maxRequestBytes() {
        return maxFiles * (maxFileBytes + PART_ALLOWANCE) + FORM_ALLOWANCE;
    }
}
