package dev.hauntedhelpdesk.architecture.wrong.ticket;

import io.micronaut.http.HttpRequest;

/** Breaks "only controllers, filters and security plug-ins see Micronaut HTTP": a service reading a request. */
final class ReadsRequests {

    String status(HttpRequest<?> request) {
        return request.getParameters().get("status");
    }
}
