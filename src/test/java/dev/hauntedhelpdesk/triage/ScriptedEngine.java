package dev.hauntedhelpdesk.triage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An engine that plays a script, for property tests of the orchestrator's bounds: each consult
 * takes the next behaviour (cycling), which may answer, hand off, hang, throw or talk garbage.
 */
final class ScriptedEngine implements TriageEngine {

    enum Behaviour { ANSWER, ESCALATE, HANDOFF_NEXT, HANDOFF_BACK, HANG, IGNORE_INTERRUPTS, BLOCKING_READ,
        BLOCKING_READ_JOINED, THROW, UNAVAILABLE, GARBAGE, UNKNOWN_AGENT }

    private static final List<String> SPECIALISTS = List.of("network", "cloud", "access", "hardware", "software",
            "general");

    private final List<Behaviour> consults;
    private final Behaviour classify;
    private final AtomicInteger turn = new AtomicInteger();

    ScriptedEngine(Behaviour classify, List<Behaviour> consults) {
        this.classify = classify;
        this.consults = consults;
    }

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public Classification classify(TriageContext context, TokenUsage.Counter tokens) {
        return switch (classify) {
            case HANG -> hang();
            case IGNORE_INTERRUPTS -> spin();
            case BLOCKING_READ -> SilentServer.read();
            case BLOCKING_READ_JOINED -> SilentServer.readJoined();
            case THROW -> throw new IllegalStateException("boom");
            case UNAVAILABLE -> throw new EngineUnavailableException("connection refused", null);
            case GARBAGE -> new Classification("printers", 7.5);
            default -> new Classification("network", 0.9);
        };
    }

    @Override
    public Optional<float[]> embed(String text) {
        return Optional.empty();
    }

    @Override
    public AgentReply consult(Agent specialist, TriageContext context, Evidence evidence, TokenUsage.Counter tokens) {
        Behaviour b = consults.get(turn.getAndIncrement() % consults.size());
        int me = SPECIALISTS.indexOf(specialist.wire());
        return switch (b) {
            case ANSWER -> new AgentReply.Answer("Restart the router.", true);
            case ESCALATE -> new AgentReply.Answer("Needs a person.", false);
            case HANDOFF_NEXT -> new AgentReply.Handoff(SPECIALISTS.get((me + 1) % SPECIALISTS.size()), "not mine");
            case HANDOFF_BACK -> new AgentReply.Handoff(me == 0 ? "cloud" : "network", "yours");
            case HANG -> hang();
            case IGNORE_INTERRUPTS -> spin();
            case BLOCKING_READ -> SilentServer.read();
            case BLOCKING_READ_JOINED -> SilentServer.readJoined();
            case THROW -> throw new IllegalStateException("boom");
            case UNAVAILABLE -> throw new EngineUnavailableException("throttled", null);
            case GARBAGE -> new AgentReply.Answer("  ", true);
            case UNKNOWN_AGENT -> new AgentReply.Handoff("the-boss", "help");
        };
    }

    @Override
    public String summarize(TriageContext context, AgentReply.Answer answer, TokenUsage.Counter tokens) {
        return "Summary: " + answer.response();
    }

    @Override
    public EngineHealth health() {
        return new EngineHealth(EngineHealth.Status.AVAILABLE, null, "scripted", "scripted");
    }

    private static <T> T hang() {
        try {
            Thread.sleep(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("woke up");
    }

    /** Busy for five seconds whatever happens, as a native call or a loop without checks would be. */
    private static <T> T spin() {
        long until = System.nanoTime() + 5_000_000_000L;
        long spins = 0;
        while (System.nanoTime() < until) {
            spins++;
        }
        throw new IllegalStateException("finished spinning after " + spins + " turns");
    }

    /**
     * A loopback server that accepts connections and never writes, closing each after five seconds
     * (so a step blocked reading from it ends by itself, as {@link #spin()} does).
     */
    static final class SilentServer {

        static final Duration HOLD = Duration.ofSeconds(5);
        private static ServerSocket server;

        private SilentServer() {
        }

        /**
         * A socket read without timeout on the step's own thread. On a virtual thread the JDK
         * closes the socket when the thread is interrupted; on a platform thread nothing does.
         */
        static <T> T read() {
            try (Socket socket = new Socket()) {
                socket.connect(address());
                int read = socket.getInputStream().read();
                throw new IllegalStateException("the silent server's connection ended (" + read + ")");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * The same read on a platform thread, waited for with {@code join()}: neither the wait nor
         * the read notices an interrupt, as with a client library that blocks on a pool of its own.
         */
        static <T> T readJoined() {
            CompletableFuture<T> result = new CompletableFuture<>();
            Thread.ofPlatform().daemon().name("silent-read").start(() -> {
                try {
                    result.complete(read());
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
            return result.join();
        }

        private static synchronized InetSocketAddress address() throws IOException {
            if (server == null) {
                server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                ServerSocket listening = server;
                Thread.ofPlatform().daemon().name("silent-server").start(() -> {
                    while (!listening.isClosed()) {
                        try {
                            Socket accepted = listening.accept();
                            Thread.ofVirtual().start(() -> {
                                try (accepted) {
                                    Thread.sleep(HOLD);
                                } catch (IOException | InterruptedException e) {
                                    // closing is all that is left to do
                                }
                            });
                        } catch (IOException e) {
                            return;
                        }
                    }
                });
            }
            return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
        }
    }
}
