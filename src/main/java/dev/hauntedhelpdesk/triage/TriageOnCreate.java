package dev.hauntedhelpdesk.triage;

import dev.hauntedhelpdesk.config.HelpdeskSettings;
import dev.hauntedhelpdesk.ticket.TicketCreated;
import io.micronaut.context.BeanProvider;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Starts triage for every new ticket without making its creator wait, through whichever
 * {@link TriageDispatcher} the runtime provides (none: the ticket waits for {@code /process}).
 */
@Singleton
class TriageOnCreate {

    private static final Logger LOG = LoggerFactory.getLogger(TriageOnCreate.class);

    private final BeanProvider<TriageDispatcher> dispatcher;
    private final boolean enabled;
    private final TriageObserver observer;

    TriageOnCreate(BeanProvider<TriageDispatcher> dispatcher, HelpdeskSettings settings,
                   Optional<TriageObserver> observer) {
        this.dispatcher = dispatcher;
        this.observer = observer.orElse(TriageObserver.NONE);
        this.enabled = settings.triage().onCreate();
    }

    @EventListener
    void onCreated(TicketCreated event) {
        if (!enabled || !dispatcher.isPresent()) {
            return;
        }
        boolean queued = dispatcher.get().dispatch(event.ticketId());
        observer.dispatched("created", queued);
        if (!queued) {
            LOG.warn("Ticket {} not queued for triage now; the sweep will hand it over later", event.ticketId());
        }
    }
}
