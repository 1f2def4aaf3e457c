package dev.hauntedhelpdesk.lambda;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import software.amazon.awssdk.core.SdkClient;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The AWS SDK clients a context builds as beans, by service name, so a test can tell which exist. */
@Singleton
class SdkClientCreations implements BeanCreatedEventListener<SdkClient> {

    private final List<String> services = new CopyOnWriteArrayList<>();

    @Override
    public SdkClient onCreated(BeanCreatedEvent<SdkClient> event) {
        services.add(event.getBean().serviceName());
        return event.getBean();
    }

    List<String> services() {
        return List.copyOf(services);
    }
}
