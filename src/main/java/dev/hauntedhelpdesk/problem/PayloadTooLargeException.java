package dev.hauntedhelpdesk.problem;

/** The request body exceeds what this endpoint accepts. */
public final class PayloadTooLargeException extends ProblemException {

    public PayloadTooLargeException(long limitBytes) {
        super(ProblemType.PAYLOAD_TOO_LARGE, "The request body is larger than " + limitBytes + " bytes");
    }
}
