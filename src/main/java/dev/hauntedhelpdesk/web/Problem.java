package dev.hauntedhelpdesk.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.hauntedhelpdesk.problem.FieldError;
import io.micronaut.serde.annotation.Serdeable;

import java.net.URI;
import java.util.List;

/** An RFC 9457 problem details body, with the correlation id and field errors as extensions. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        URI type,
        String title,
        int status,
        String detail,
        String instance,
        @JsonProperty("correlation_id") String correlationId,
        List<FieldError> errors,
        @JsonProperty("ticket_id") String ticketId) {

    public static final String CONTENT_TYPE = "application/problem+json";

    public Problem(URI type, String title, int status, String detail, String instance, String correlationId,
                   List<FieldError> errors) {
        this(type, title, status, detail, instance, correlationId, errors, null);
    }
}
