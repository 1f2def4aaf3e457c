package dev.hauntedhelpdesk.lambda.fakecrac;

/** As {@code jdk.crac.CheckpointException}. */
public class CheckpointException extends Exception {

    public CheckpointException(Throwable cause) {
        super(cause);
    }
}
