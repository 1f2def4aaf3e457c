package dev.hauntedhelpdesk.lambda.fakecrac;

/** As {@code jdk.crac.RestoreException}. */
public class RestoreException extends Exception {

    public RestoreException(Throwable cause) {
        super(cause);
    }
}
