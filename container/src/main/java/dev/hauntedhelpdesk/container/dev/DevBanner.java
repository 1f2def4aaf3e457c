package dev.hauntedhelpdesk.container.dev;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tells the developer, once the server listens, how to get a token and call it. */
@Singleton
@Requires(env = DevMode.ENVIRONMENT)
class DevBanner implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(DevBanner.class);

    private final String motoEndpoint;
    private final String motoLog;

    DevBanner(@Property(name = DevMode.MOTO_ENDPOINT_PROPERTY) String motoEndpoint,
            @Property(name = DevMode.MOTO_LOG_PROPERTY) String motoLog) {
        this.motoEndpoint = motoEndpoint;
        this.motoLog = motoLog;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        String base = "http://localhost:" + event.getSource().getPort();
        LOG.info("Dev mode ready on {}. Demo tokens (requester, agent, admin): curl -s {}/dev/tokens ; then "
                + "curl -H \"Authorization: Bearer $TOKEN\" {}/api/tickets . DynamoDB and Cognito: moto_server on {}"
                + " (log: {})", base, base, base, motoEndpoint, motoLog);
    }
}
