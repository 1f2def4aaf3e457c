package dev.hauntedhelpdesk.container.dev;

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

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        String base = "http://localhost:" + event.getSource().getPort();
        LOG.info("Dev mode ready on {}. Demo tokens (requester, agent, admin): curl -s {}/dev/tokens ; then "
                + "curl -H \"Authorization: Bearer $TOKEN\" {}/api/tickets", base, base, base);
    }
}
