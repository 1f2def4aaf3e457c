package dev.hauntedhelpdesk.ticket;

import dev.hauntedhelpdesk.problem.FieldError;
import dev.hauntedhelpdesk.problem.ProblemException;
import dev.hauntedhelpdesk.problem.ProblemType;

import java.util.List;

/** The request's ticket fields break the contract; nothing was changed. */
public final class InvalidTicketException extends ProblemException {

    private final List<FieldError> errors;

    public InvalidTicketException(List<FieldError> errors) {
        super(ProblemType.VALIDATION_FAILED, errors.stream().map(e -> e.field() + ": " + e.message())
                .reduce((a, b) -> a + "; " + b).orElse("invalid input"));
        this.errors = List.copyOf(errors);
    }

    @Override
    public List<FieldError> errors() {
        return errors;
    }
}
