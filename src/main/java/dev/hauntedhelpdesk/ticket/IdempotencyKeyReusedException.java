package dev.hauntedhelpdesk.ticket;

import dev.hauntedhelpdesk.problem.ProblemException;
import dev.hauntedhelpdesk.problem.ProblemType;

/** An Idempotency-Key came back with a different request body. */
public final class IdempotencyKeyReusedException extends ProblemException {

    public IdempotencyKeyReusedException() {
        super(ProblemType.IDEMPOTENCY_KEY_REUSED,
                "This Idempotency-Key was already used with a different request body");
    }
}
