package dev.hauntedhelpdesk.problem;

import java.net.URI;

/**
 * Every kind of error the API reports, each with a stable RFC 9457 {@code type} URI, so clients
 * branch on the type rather than parse titles.
 */
public enum ProblemType {
    BAD_REQUEST(400, "bad-request", "Bad request"),
    MALFORMED_JSON(400, "malformed-json", "Malformed JSON body"),
    INVALID_PARAMETER(400, "invalid-parameter", "Invalid parameter"),
    UNAUTHORIZED(401, "unauthorized", "Authentication required"),
    FORBIDDEN(403, "forbidden", "Forbidden"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
    INVALID_TRANSITION(409, "invalid-transition", "Status change not allowed"),
    PRECONDITION_FAILED(412, "precondition-failed", "Version mismatch"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    VALIDATION_FAILED(422, "validation-failed", "Validation failed"),
    IDEMPOTENCY_KEY_REUSED(422, "idempotency-key-reused", "Idempotency key reused"),
    PRECONDITION_REQUIRED(428, "precondition-required", "If-Match required"),
    TRIAGE_IN_PROGRESS(409, "triage-in-progress", "Triage already in progress"),
    MALFORMED_MULTIPART(400, "malformed-multipart", "Malformed multipart body"),
    UPLOAD_MISSING(409, "upload-missing", "Nothing was uploaded"),
    TOO_MANY_FILES(413, "too-many-files", "Too many files"),
    URI_TOO_LONG(414, "uri-too-long", "URI too long"),
    REQUEST_HEADER_FIELDS_TOO_LARGE(431, "request-header-fields-too-large", "Request header fields too large"),
    OUTCOME_UNKNOWN(503, "outcome-unknown", "Outcome unknown"),
    INTERNAL_ERROR(500, "internal-error", "Internal error"),
    DIRECT_UPLOAD_UNAVAILABLE(501, "direct-upload-unavailable", "Direct upload unavailable"),
    SERVICE_UNAVAILABLE(503, "service-unavailable", "Service unavailable");

    private static final String BASE = "https://haunted-helpdesk.dev/problems/";

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public URI uri() {
        return URI.create(BASE + slug);
    }

    /**
     * The problem type for a status the framework produced on its own (unknown route, wrong
     * method or media type, rejected token...). Explicit, so that adding a service-specific type
     * with the same status never changes how framework errors are labelled.
     */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 414 -> URI_TOO_LONG;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 422 -> VALIDATION_FAILED;
            case 431 -> REQUEST_HEADER_FIELDS_TOO_LARGE;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> status >= 500 ? INTERNAL_ERROR : BAD_REQUEST;
        };
    }
}
