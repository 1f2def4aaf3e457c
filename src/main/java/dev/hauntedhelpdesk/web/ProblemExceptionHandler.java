package dev.hauntedhelpdesk.web;

import dev.hauntedhelpdesk.problem.ProblemException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders the service's own exceptions as problem+json with their stable type. Server-side
 * failures (a store that is down, a denied role) are logged with their cause, which the client
 * never sees: without it a 503 in the logs says only that something failed.
 */
@Singleton
class ProblemExceptionHandler implements ExceptionHandler<ProblemException, HttpResponse<Problem>> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ProblemException exception) {
        if (exception.type().status() >= 500) {
            LOG.warn("{} {} answered {} {}: {}", request.getMethodName(), request.getPath(),
                    exception.type().status(), exception.type().uri(), exception.logDetail());
        }
        MutableHttpResponse<Problem> response = Problems.response(request, exception.type(), exception.getMessage(),
                exception.errors(), exception.ticketId());
        exception.headers().forEach(response::header);
        return response;
    }
}
