package dev.hauntedhelpdesk.problem;

import io.micronaut.serde.annotation.Serdeable;

/** One rejected input field and why, as listed in a validation problem's {@code errors}. */
@Serdeable
public record FieldError(String field, String message) {
}
