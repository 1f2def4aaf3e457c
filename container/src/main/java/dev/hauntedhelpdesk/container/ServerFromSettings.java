package dev.hauntedhelpdesk.container;

import dev.hauntedhelpdesk.attachment.UploadLimits;
import dev.hauntedhelpdesk.config.HelpdeskSettings;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.HttpServerConfiguration;
import jakarta.inject.Singleton;

/**
 * Sets Netty's address and request-size limit from the validated settings, so a bad API_PORT is
 * reported with every other bad variable instead of as a framework conversion error, and one
 * set of variables decides how large an upload may be.
 *
 * <p>The request-size limit is the largest multipart request the service accepts
 * ({@link UploadLimits#maxRequestBytes()}, from MAX_UPLOAD_SIZE_MB and MAX_FILES_PER_REQUEST), the
 * only requests larger than a JSON body. Netty then refuses a larger declared
 * {@code Content-Length} before reading it, and stops a chunked body once it passes the limit;
 * both answer 413. Uploads are streamed, never buffered, so Micronaut's separate buffering limit
 * ({@code micronaut.server.max-request-buffer-size}, 10 MiB, which once turned every upload over
 * 10 MiB into a 400) does not apply to them.
 *
 * <p>An explicit {@code micronaut.server.port}, {@code host} or {@code max-request-size} still
 * wins (tests use port -1, a random port).
 */
@Singleton
class ServerFromSettings implements BeanCreatedEventListener<HttpServerConfiguration> {

    private final HelpdeskSettings settings;
    private final Environment environment;

    ServerFromSettings(HelpdeskSettings settings, Environment environment) {
        this.settings = settings;
        this.environment = environment;
    }

    @Override
    public HttpServerConfiguration onCreated(BeanCreatedEvent<HttpServerConfiguration> event) {
        HttpServerConfiguration server = event.getBean();
        if (!environment.containsProperty("micronaut.server.port")) {
            server.setPort(settings.apiPort());
        }
        if (!environment.containsProperty("micronaut.server.host")) {
            server.setHost(settings.apiHost());
        }
        if (!environment.containsProperty("micronaut.server.max-request-size")) {
            server.setMaxRequestSize(UploadLimits.of(settings).maxRequestBytes());
        }
        return server;
    }
}
