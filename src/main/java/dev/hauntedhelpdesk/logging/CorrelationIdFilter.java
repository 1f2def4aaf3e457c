package dev.hauntedhelpdesk.logging;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.util.Optional;

import static net.logstash.logback.argument.StructuredArguments.kv;

/**
 * Gives every request a correlation id (the caller's X-Correlation-ID, else the platform request
 * id, else a UUID) and, when the request carries one, its trace id ({@link TraceIds}), puts them in the MDC of every thread that works on the request (so every log
 * line, the access line included, carries it), echoes it in the response, and writes one
 * access-log line per request.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class CorrelationIdFilter implements Ordered {

    private static final Logger ACCESS = LoggerFactory.getLogger("access");
    private static final String STARTED = "helpdesk.started-nanos";

    private final RequestIdSource requestIds;

    CorrelationIdFilter(RequestIdSource requestIds) {
        this.requestIds = requestIds;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    @RequestFilter
    void onRequest(HttpRequest<?> request, MutablePropagatedContext propagated) {
        // Once: behind API Gateway every getHeaders() builds the headers anew from the event.
        HttpHeaders headers = request.getHeaders();
        String id = CorrelationId.choose(headers.get(CorrelationId.HEADER), requestIds.requestId(request));
        request.setAttribute(CorrelationId.ATTRIBUTE, id);
        request.setAttribute(STARTED, System.nanoTime());
        Optional<String> trace = TraceIds.of(headers.get(TraceIds.AMZN_HEADER), headers.get(TraceIds.W3C_HEADER));
        // The MDC copied here (with what the Lambda handler put in for the invocation) follows
        // the request onto every thread that works on it.
        String invocationTrace = MDC.get(TraceIds.MDC_KEY);
        MDC.put(CorrelationId.MDC_KEY, id);
        trace.ifPresent(t -> MDC.put(TraceIds.MDC_KEY, t));
        try {
            propagated.add(new MdcPropagationContext());
        } finally {
            MDC.remove(CorrelationId.MDC_KEY);
            if (invocationTrace == null) {
                MDC.remove(TraceIds.MDC_KEY);
            } else {
                MDC.put(TraceIds.MDC_KEY, invocationTrace);
            }
        }
    }

    @ResponseFilter
    void onResponse(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String id = CorrelationId.of(request).orElse("-");
        response.header(CorrelationId.HEADER, id);
        long started = request.getAttribute(STARTED, Long.class).orElse(System.nanoTime());
        ACCESS.info("{} {} {}", request.getMethodName(), request.getPath(), response.code(),
                kv("method", request.getMethodName()),
                kv("path", request.getPath()),
                kv("status", response.code()),
                kv("duration_ms", (System.nanoTime() - started) / 1_000_000.0));
    }
}
