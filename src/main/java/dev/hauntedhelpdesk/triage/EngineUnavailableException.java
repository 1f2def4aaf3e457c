package dev.hauntedhelpdesk.triage;

/** The model could not be reached in time (down, throttled past the retries, timed out). */
public class EngineUnavailableException extends RuntimeException {

    public EngineUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
