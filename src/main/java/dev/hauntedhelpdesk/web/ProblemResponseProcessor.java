package dev.hauntedhelpdesk.web;

import com.fasterxml.jackson.core.JacksonException;
import dev.hauntedhelpdesk.problem.ProblemType;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.serde.exceptions.SerdeException;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns every error the framework answers by itself (unknown route, wrong method or media type,
 * rejected token, body too large, unhandled exception) into RFC 9457 problem+json. It replaces
 * the default JSON error body so both runtimes, which share this bean, answer alike.
 * (micronaut-problem-json would do this, but no release of it resolves against this platform
 * version, so this small processor takes its place.)
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
class ProblemResponseProcessor implements ErrorResponseProcessor<Problem> {

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> base) {
        int status = base.getStatus().getCode();
        ProblemType type = ProblemType.forStatus(status);
        Throwable cause = context.getRootCause().orElse(null);
        if (status == 400 && isJsonError(cause)) {
            type = ProblemType.MALFORMED_JSON;
        }
        String detail = switch (type) {
            // Never echo internals (exception text, stack traces) to the client.
            case INTERNAL_ERROR -> "The request could not be completed; quote the correlation id when reporting it";
            case UNAUTHORIZED -> "A valid Cognito access token is required (Authorization: Bearer ...)";
            case FORBIDDEN -> "Your role does not allow this";
            case MALFORMED_JSON -> "The request body is not valid JSON for this endpoint";
            default -> messages(context.getErrors());
        };
        MutableHttpResponse<Problem> response = Problems.response(context.getRequest(), type, detail, List.of());
        base.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("content-type") && !name.equalsIgnoreCase("content-length")) {
                values.forEach(v -> response.header(name, v));
            }
        });
        return response.status(base.getStatus());
    }

    private static boolean isJsonError(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SerdeException || t instanceof ConversionErrorException || t instanceof JacksonException) {
                return true;
            }
        }
        return false;
    }

    private static String messages(List<Error> errors) {
        String joined = errors.stream().map(Error::getMessage).collect(Collectors.joining("; "));
        return joined.isBlank() ? null : joined;
    }
}
