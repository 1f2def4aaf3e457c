package dev.hauntedhelpdesk.problem;

import dev.hauntedhelpdesk.problem.FieldError;

import java.util.List;
import java.util.Map;

/**
 * Base of the service's own errors: each subclass stands for one meaning and carries its
 * {@link ProblemType}, and {@link ProblemExceptionHandler} renders it as problem+json.
 */
public abstract class ProblemException extends RuntimeException {

    private final ProblemType type;

    protected ProblemException(ProblemType type, String detail) {
        super(detail);
        this.type = type;
    }

    public ProblemType type() {
        return type;
    }

    /**
     * What an operator needs to know about a server-side failure (the cause's class, error code,
     * request id), logged with every 5xx; never shown to the client, never a secret.
     */
    public String logDetail() {
        return getCause() == null ? getMessage() : getCause().toString();
    }

    /** Field-level errors, for validation problems. */
    public List<FieldError> errors() {
        return List.of();
    }

    /** The ticket this problem is about when the client cannot know its id yet (a create), else null. */
    public String ticketId() {
        return null;
    }

    /** Response headers that belong to this problem, such as {@code Retry-After}. */
    public Map<String, String> headers() {
        return Map.of();
    }
}
