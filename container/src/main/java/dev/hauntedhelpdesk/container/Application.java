package dev.hauntedhelpdesk.container;

import dev.hauntedhelpdesk.container.dev.DevMode;
import dev.hauntedhelpdesk.container.dev.DevModeRefusedException;
import io.micronaut.runtime.Micronaut;

import java.util.Map;

/** Starts the Netty HTTP server (ECS behind an ALB, or a laptop in dev mode). */
public final class Application {

    /**
     * On SIGTERM (docker/podman stop, ECS task stop) the server stops accepting connections and
     * lets in-flight requests finish before the context closes. The grace period stays under the
     * 10 s that {@code docker stop} and {@code podman stop} allow before SIGKILL.
     */
    static final Map<String, Object> GRACEFUL_SHUTDOWN = Map.of(
            "micronaut.lifecycle.graceful-shutdown.enabled", true,
            "micronaut.lifecycle.graceful-shutdown.grace-period", "8s");

    private Application() {
    }

    public static void main(String[] args) {
        KeepAlive.configure();
        Micronaut micronaut = Micronaut.build(args).mainClass(Application.class).banner(false)
                .properties(GRACEFUL_SHUTDOWN);
        if (DevMode.requested()) {
            try {
                micronaut.properties(DevMode.start(System.getenv()));
            } catch (DevModeRefusedException e) {
                // One line that says what to do; a stack trace would bury it.
                System.err.println(e.getMessage());
                System.exit(1);
            }
        }
        micronaut.start();
    }
}
