package dev.hauntedhelpdesk.attachment;

import dev.hauntedhelpdesk.config.HelpdeskSettings;
import dev.hauntedhelpdesk.dynamodb.WriteOutcomeUnknownException;
import dev.hauntedhelpdesk.problem.FieldError;
import dev.hauntedhelpdesk.security.Caller;
import dev.hauntedhelpdesk.ticket.Attachment;
import dev.hauntedhelpdesk.ticket.InvalidTicketException;
import dev.hauntedhelpdesk.ticket.NewTicket;
import dev.hauntedhelpdesk.ticket.Ticket;
import dev.hauntedhelpdesk.ticket.TicketRepository;
import dev.hauntedhelpdesk.ticket.TicketService;
import dev.hauntedhelpdesk.ticket.Timestamps;
import dev.hauntedhelpdesk.ticket.TooManyAttachmentsException;
import dev.hauntedhelpdesk.ticket.WorkflowEntry;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The attachment use cases. Every file is checked (size, count, type from its bytes) before any
 * byte is stored, and stored bytes are removed again when a later step fails, so a rejected
 * request leaves neither a ticket nor a file behind. Visibility is the ticket's: whoever may not
 * see a ticket gets 404 for its attachments too.
 */
@Singleton
public class AttachmentService {

    private static final Logger LOG = LoggerFactory.getLogger(AttachmentService.class);
    static final int MAX_ATTACHMENTS_PER_TICKET = TicketRepository.MAX_ATTACHMENTS;
    static final Duration UPLOAD_URL_VALIDITY = Duration.ofMinutes(15);
    /**
     * Long enough for a client to follow the redirect, short enough that a leaked link (logs,
     * browser history) soon stops working.
     */
    static final Duration DOWNLOAD_URL_VALIDITY = Duration.ofMinutes(5);
    static final int MAX_TRIAGE_IMAGES = 20;
    static final long MAX_TRIAGE_IMAGE_BYTES = 3_750_000;

    private final TicketService tickets;
    private final TicketRepository repository;
    private final AttachmentStorage storage;
    private final long maxFileBytes;
    private final Clock clock = Clock.systemUTC();

    AttachmentService(TicketService tickets, TicketRepository repository, AttachmentStorage storage,
                      HelpdeskSettings settings) {
        this.tickets = tickets;
        this.repository = repository;
        this.storage = storage;
        this.maxFileBytes = UploadLimits.of(settings).maxFileBytes();
    }

    /**
     * A file that passed every check, with the id it will be stored under and its SHA-256 (hex;
     * null for a confirmed direct upload, which no idempotency fingerprint covers).
     */
    record Accepted(Attachment attachment, Content content, String sha256) {
    }

    /** Where an accepted file's bytes are: a temporary file (multipart) or memory (a confirmed direct upload). */
    sealed interface Content {
    }

    record InFile(Path path) implements Content {
    }

    record InMemory(byte[] bytes) implements Content {
    }

    /** One attachment's bytes, ready to serve. */
    public record Download(Attachment attachment, byte[] content) {
    }

    /** How one attachment reaches its reader: a short-lived link to the storage, or its bytes. */
    sealed interface Delivery {
    }

    /** The storage serves the bytes itself at {@code url}, with the download headers signed in. */
    record Link(URI url) implements Delivery {
    }

    /** The storage has no links to give (the filesystem): this service sends the bytes. */
    record Inline(Download download) implements Delivery {
    }

    /** Where and how to upload one file directly to storage, then confirm it. */
    record DirectUpload(String attachmentId, URI uploadUrl, String method, long size, Instant expiresAt) {
    }

    /** Opens a ticket from a multipart form together with its files: both or neither. */
    TicketRepository.Created submit(MultipartForm form, Caller caller, String idempotencyKey) {
        NewTicket command = NewTicket.of(form.fields().get("title"), form.fields().get("description"),
                form.fields().get("severity"), emptyToNull(form.fields().get("category")));
        List<Accepted> accepted = accept(form.files());
        storeAll(accepted);
        try {
            TicketRepository.Created created = tickets.create(command, caller, idempotencyKey,
                    accepted.stream().map(Accepted::attachment).toList(), fingerprint(accepted));
            if (created.replayed()) {
                // The first request already stored its files; this retry's copies belong to nothing.
                deleteQuietly(accepted);
            }
            return created;
        } catch (RuntimeException e) {
            discard(accepted, e);
            throw e;
        }
    }

    /** Adds the form's files to a ticket the caller may see. */
    Ticket add(String ticketId, MultipartForm form, Caller caller) {
        Ticket ticket = tickets.get(ticketId, caller);
        if (form.files().isEmpty()) {
            throw new InvalidTicketException(List.of(new FieldError("files", "at least one file is required")));
        }
        checkRoom(ticket, form.files().size());
        List<Accepted> accepted = accept(form.files());
        storeAll(accepted);
        try {
            return append(ticket.ticketId(), accepted.stream().map(Accepted::attachment).toList(), caller);
        } catch (RuntimeException e) {
            discard(accepted, e);
            throw e;
        }
    }

    /**
     * One attachment of a ticket the caller may see, served with the type decided when it was
     * stored. Where the storage can hand out links (S3), the bytes never pass through this
     * service, so no file is too large for API Gateway's and Lambda's payload limits.
     */
    Delivery download(String ticketId, String attachmentId, Caller caller) {
        Ticket ticket = tickets.get(ticketId, caller);
        Attachment attachment = find(ticket, attachmentId)
                .orElseThrow(() -> new AttachmentNotFoundException(attachmentId));
        String key = StorageKeys.stored(attachment.attachmentId());
        Optional<URI> link = storage.downloadUrl(key, DownloadHeaders.contentType(attachment),
                DownloadHeaders.contentDisposition(attachment.fileName()), DownloadHeaders.CACHE_CONTROL,
                DOWNLOAD_URL_VALIDITY);
        if (link.isPresent()) {
            return new Link(link.get());
        }
        byte[] content = storage.get(key).orElseThrow(() -> new AttachmentNotFoundException(attachmentId));
        return new Inline(new Download(attachment, content));
    }

    /** A presigned URL for one file of {@code size} bytes, for files too big to pass API Gateway. */
    DirectUpload uploadUrl(String ticketId, Long size, Caller caller) {
        Ticket ticket = tickets.get(ticketId, caller);
        if (size == null || size < 1) {
            throw new InvalidTicketException(List.of(new FieldError("size", "the file size in bytes, at least 1")));
        }
        if (size > maxFileBytes) {
            throw new FileTooLargeException("upload", maxFileBytes);
        }
        checkRoom(ticket, 1);
        String attachmentId = UUID.randomUUID().toString();
        URI url = storage.uploadUrl(StorageKeys.incoming(ticket.ticketId(), attachmentId), size, UPLOAD_URL_VALIDITY)
                .orElseThrow(DirectUploadUnavailableException::new);
        return new DirectUpload(attachmentId, url, "PUT", size, clock.instant().plus(UPLOAD_URL_VALIDITY));
    }

    /**
     * Validates what was uploaded to a presigned URL exactly like a multipart file, then records
     * it; a rejected upload is deleted. Confirming the same id again returns the ticket unchanged.
     */
    Ticket confirm(String ticketId, String attachmentId, String fileName, Caller caller) {
        Ticket ticket = tickets.get(ticketId, caller);
        if (!StorageKeys.isId(attachmentId)) {
            throw new AttachmentNotFoundException(attachmentId);
        }
        if (find(ticket, attachmentId).isPresent()) {
            return ticket;
        }
        String incoming = StorageKeys.incoming(ticket.ticketId(), attachmentId);
        OptionalLong size = storage.size(incoming);
        if (size.isEmpty()) {
            throw new UploadMissingException(attachmentId);
        }
        String name = FileNames.sanitize(fileName);
        if (size.getAsLong() > maxFileBytes) {
            storage.delete(incoming);
            throw new FileTooLargeException(name, maxFileBytes);
        }
        byte[] content = storage.get(incoming).orElseThrow(() -> new UploadMissingException(attachmentId));
        Accepted accepted;
        try {
            String type = ContentSniffer.sniff(content).orElseThrow(() -> new UnsupportedFileTypeException(name));
            accepted = new Accepted(new Attachment(attachmentId, name, type, content.length), new InMemory(content),
                    null);
        } catch (RuntimeException e) {
            storage.delete(incoming);
            throw e;
        }
        checkRoom(ticket, 1);
        storeAll(List.of(accepted));
        storage.delete(incoming);
        try {
            return append(ticket.ticketId(), List.of(accepted.attachment()), caller);
        } catch (RuntimeException e) {
            discard(List.of(accepted), e);
            throw e;
        }
    }

    /**
     * The image attachments of a ticket, for a triage engine that can read images: the latest
     * {@value #MAX_TRIAGE_IMAGES}, each at most {@value #MAX_TRIAGE_IMAGE_BYTES} bytes (Bedrock
     * Converse's own limits), so a ticket full of screenshots cannot exhaust memory.
     */
    List<Download> images(Ticket ticket) {
        List<Attachment> candidates = ticket.attachments().stream()
                .filter(a -> ContentSniffer.isImage(a.contentType()) && a.size() <= MAX_TRIAGE_IMAGE_BYTES)
                .toList();
        List<Download> images = new ArrayList<>();
        for (Attachment attachment : candidates.subList(Math.max(0, candidates.size() - MAX_TRIAGE_IMAGES),
                candidates.size())) {
            storage.get(StorageKeys.stored(attachment.attachmentId()))
                    .ifPresent(bytes -> images.add(new Download(attachment, bytes)));
        }
        return images;
    }

    private List<Accepted> accept(List<MultipartForm.Upload> uploads) {
        List<Accepted> accepted = new ArrayList<>();
        for (MultipartForm.Upload upload : uploads) {
            String name = FileNames.sanitize(upload.fileName());
            // The parser already refused files over the limit; sizes are checked once more where they are recorded.
            if (upload.size() > maxFileBytes) {
                throw new FileTooLargeException(name, maxFileBytes);
            }
            String type = ContentSniffer.sniff(upload.content())
                    .orElseThrow(() -> new UnsupportedFileTypeException(name));
            accepted.add(new Accepted(new Attachment(UUID.randomUUID().toString(), name, type, upload.size()),
                    new InFile(upload.content()), upload.sha256()));
        }
        return accepted;
    }

    /**
     * What the files add to the request's idempotency fingerprint: each one's name as recorded,
     * type, size and SHA-256 in order, so a retry under the same key must carry the same files.
     */
    private static String fingerprint(List<Accepted> accepted) {
        StringBuilder sb = new StringBuilder();
        for (Accepted a : accepted) {
            sb.append(a.attachment().fileName()).append('\u0000').append(a.attachment().contentType()).append('\u0000')
                    .append(a.attachment().size()).append('\u0000').append(a.sha256()).append('\n');
        }
        return sb.toString();
    }

    /** Refuses early, before any byte is stored; the append's own condition has the last word. */
    private void checkRoom(Ticket ticket, int adding) {
        if (ticket.attachments().size() + adding > MAX_ATTACHMENTS_PER_TICKET) {
            throw new TooManyAttachmentsException(MAX_ATTACHMENTS_PER_TICKET);
        }
    }

    private Ticket append(String ticketId, List<Attachment> attachments, Caller caller) {
        String now = Timestamps.format(clock.instant());
        List<WorkflowEntry> entries = attachments.stream().map(a -> new WorkflowEntry(now, caller.username(),
                "attachment_added", a.fileName() + " (" + a.contentType() + ", " + a.size() + " bytes)")).toList();
        return repository.addAttachments(ticketId, attachments, entries, now);
    }

    private void storeAll(List<Accepted> accepted) {
        List<Accepted> stored = new ArrayList<>();
        try {
            for (Accepted a : accepted) {
                String key = StorageKeys.stored(a.attachment().attachmentId());
                // Added before the put: a put that fails midway may still have left something to remove.
                stored.add(a);
                switch (a.content()) {
                    case InFile file -> storage.put(key, file.path(), a.attachment().contentType());
                    case InMemory memory -> storage.put(key, memory.bytes(), a.attachment().contentType());
                }
            }
        } catch (RuntimeException e) {
            deleteQuietly(stored);
            throw e;
        }
    }

    /** The files of a failed request go, unless the ticket may hold them after all (outcome unknown). */
    private void discard(List<Accepted> accepted, RuntimeException failure) {
        if (!(failure instanceof WriteOutcomeUnknownException)) {
            deleteQuietly(accepted);
        }
    }

    private void deleteQuietly(List<Accepted> accepted) {
        for (Accepted a : accepted) {
            try {
                storage.delete(StorageKeys.stored(a.attachment().attachmentId()));
            } catch (RuntimeException e) {
                // The original failure matters more to the caller; this one is for operators.
                LOG.warn("Could not remove attachment {} after a failed request", a.attachment().attachmentId(), e);
            }
        }
    }

    private static Optional<Attachment> find(Ticket ticket, String attachmentId) {
        return ticket.attachments().stream().filter(a -> a.attachmentId().equals(attachmentId)).findFirst();
    }

    private static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
