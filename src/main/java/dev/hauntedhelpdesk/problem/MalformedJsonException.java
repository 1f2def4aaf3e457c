package dev.hauntedhelpdesk.problem;

/** The request body is not exactly one JSON document in UTF-8; nothing was read from it. */
public final class MalformedJsonException extends ProblemException {

    public MalformedJsonException(String detail) {
        super(ProblemType.MALFORMED_JSON, detail);
    }
}
