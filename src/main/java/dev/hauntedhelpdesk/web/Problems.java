package dev.hauntedhelpdesk.web;

import dev.hauntedhelpdesk.logging.CorrelationId;
import dev.hauntedhelpdesk.problem.FieldError;
import dev.hauntedhelpdesk.problem.ProblemType;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

import java.util.List;

/** Builds problem+json responses the same way for the framework's errors and the service's own. */
final class Problems {

    private Problems() {
    }

    static MutableHttpResponse<Problem> response(HttpRequest<?> request, ProblemType type, String detail,
                                                 List<FieldError> errors) {
        return response(request, type, detail, errors, null);
    }

    static MutableHttpResponse<Problem> response(HttpRequest<?> request, ProblemType type, String detail,
                                                 List<FieldError> errors, String ticketId) {
        Problem body = new Problem(type.uri(), type.title(), type.status(), detail, request.getPath(),
                CorrelationId.of(request).orElse(null), errors, ticketId);
        return HttpResponse.<Problem>status(HttpStatus.valueOf(type.status()))
                .contentType(Problem.CONTENT_TYPE)
                .body(body);
    }
}
