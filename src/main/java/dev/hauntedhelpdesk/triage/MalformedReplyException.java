package dev.hauntedhelpdesk.triage;

/** The model answered, but not in a form the orchestrator can use. */
public class MalformedReplyException extends RuntimeException {

    public MalformedReplyException(String message) {
        super(message);
    }
}
