package dev.hauntedhelpdesk.container;

import dev.hauntedhelpdesk.container.dev.DevMode;
import io.micronaut.runtime.Micronaut;

/** Starts the Netty HTTP server (ECS behind an ALB, or a laptop in dev mode). */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut micronaut = Micronaut.build(args).mainClass(Application.class).banner(false);
        if (DevMode.requested()) {
            micronaut.properties(DevMode.start(System.getenv()));
        }
        micronaut.start();
    }
}
