package dev.hauntedhelpdesk.problem;

/** A write that needs optimistic locking came without If-Match. */
public final class IfMatchRequiredException extends ProblemException {

    public IfMatchRequiredException() {
        super(ProblemType.PRECONDITION_REQUIRED,
                "Send If-Match with the ticket's current ETag so concurrent edits are not lost");
    }
}
