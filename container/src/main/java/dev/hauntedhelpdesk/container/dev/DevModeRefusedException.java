package dev.hauntedhelpdesk.container.dev;

/**
 * Dev mode cannot or must not start here. The message is one line that says why and what to do,
 * printed as it is instead of a stack trace.
 */
public final class DevModeRefusedException extends IllegalStateException {

    DevModeRefusedException(String message) {
        super(message);
    }
}
