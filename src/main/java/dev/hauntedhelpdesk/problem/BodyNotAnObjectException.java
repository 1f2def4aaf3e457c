package dev.hauntedhelpdesk.problem;

import dev.hauntedhelpdesk.problem.FieldError;

import java.util.List;

/** The request body is valid JSON but not the object every JSON endpoint takes. */
public final class BodyNotAnObjectException extends ProblemException {

    private static final List<FieldError> ERRORS = List.of(new FieldError("body", "must be a JSON object"));

    public BodyNotAnObjectException() {
        super(ProblemType.VALIDATION_FAILED, "body: must be a JSON object");
    }

    @Override
    public List<FieldError> errors() {
        return ERRORS;
    }
}
