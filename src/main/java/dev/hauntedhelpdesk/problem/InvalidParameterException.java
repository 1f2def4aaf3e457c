package dev.hauntedhelpdesk.problem;

/** A query parameter or header has a value the API cannot use. */
public final class InvalidParameterException extends ProblemException {

    public InvalidParameterException(String detail) {
        super(ProblemType.INVALID_PARAMETER, detail);
    }
}
