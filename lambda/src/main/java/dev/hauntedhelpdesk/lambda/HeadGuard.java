package dev.hauntedhelpdesk.lambda;

import dev.hauntedhelpdesk.logging.CorrelationId;
import dev.hauntedhelpdesk.problem.ProblemType;
import dev.hauntedhelpdesk.web.Problem;
import dev.hauntedhelpdesk.web.RequestHead;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the container's HTTP decoder refuses, refused the same way before an API Gateway event
 * reaches the proxy: the same limits ({@code micronaut.server.netty.*}, read from the same
 * configuration) and the same problem+json with a correlation id. Without it the proxy turns a
 * header value with a control character into a 500 with an empty body, and accepts heads the
 * container refuses. Also the last resort for a failure the proxy does not answer itself.
 */
final class HeadGuard {

    private static final Logger LOG = LoggerFactory.getLogger(HeadGuard.class);

    private final int maxRequestLine;
    private final int maxHeaderBytes;
    private final JsonMapper json;

    private HeadGuard(int maxRequestLine, int maxHeaderBytes, JsonMapper json) {
        this.maxRequestLine = maxRequestLine;
        this.maxHeaderBytes = maxHeaderBytes;
        this.json = json;
    }

    static HeadGuard of(ApplicationContext context) {
        return new HeadGuard(
                context.getProperty("micronaut.server.netty.max-initial-line-length", Integer.class).orElse(4096),
                context.getProperty("micronaut.server.netty.max-header-size", Integer.class).orElse(8192),
                context.getBean(JsonMapper.class));
    }

    /** An answer given without the application: status, headers and a problem+json body. */
    record Answer(int status, Map<String, String> headers, String body) {
    }

    /**
     * @param method the request method
     * @param path the path without its query
     * @param target the path with the query string as sent
     * @param headers every header value by name
     * @param requestId API Gateway's request id, the correlation id when the caller sent none
     * @return the refusal, or empty when the application should answer
     */
    Optional<Answer> check(String method, String path, String target, Map<String, List<String>> headers,
                           String requestId) {
        return RequestHead.check(method, target, headers, maxRequestLine, maxHeaderBytes)
                .map(refusal -> {
                    String id = correlationId(headers, requestId);
                    LOG.info("{} {} refused before the application: {} (correlation id {})", method, path,
                            refusal.type().status(), id);
                    return answer(RequestHead.problem(refusal,
                            refusal.type() == ProblemType.URI_TOO_LONG ? null : path, id));
                });
    }

    /** A problem for a failure that escaped the proxy, with nothing internal in it. */
    Answer failure(String path, Map<String, List<String>> headers, String requestId, Throwable cause) {
        String id = correlationId(headers, requestId);
        LOG.error("Request {} failed outside the application (correlation id {})", path, id, cause);
        ProblemType type = ProblemType.INTERNAL_ERROR;
        return answer(new Problem(type.uri(), type.title(), type.status(),
                "The request could not be completed; quote the correlation id when reporting it", path, id, List.of()));
    }

    private Answer answer(Problem problem) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", Problem.CONTENT_TYPE);
        headers.put(CorrelationId.HEADER, problem.correlationId());
        try {
            return new Answer(problem.status(), headers, json.writeValueAsString(problem));
        } catch (IOException e) {
            throw new IllegalStateException("A problem body always serializes", e);
        }
    }

    private static String correlationId(Map<String, List<String>> headers, String requestId) {
        String given = null;
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey() != null && header.getKey().toLowerCase(Locale.ROOT)
                    .equals(CorrelationId.HEADER.toLowerCase(Locale.ROOT)) && !header.getValue().isEmpty()) {
                given = header.getValue().get(0);
            }
        }
        return CorrelationId.choose(given, Optional.ofNullable(requestId));
    }
}
