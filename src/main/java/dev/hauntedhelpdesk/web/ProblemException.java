package dev.hauntedhelpdesk.web;

import dev.hauntedhelpdesk.ticket.FieldError;

import java.util.List;

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

    /** Field-level errors, for validation problems. */
    public List<FieldError> errors() {
        return List.of();
    }
}
