package dev.hauntedhelpdesk.egress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Linux network namespace of its own ({@code ip netns}), joined to the host by one veth pair and
 * nothing else: no default route, so a process inside reaches only the namespace's own addresses
 * and the host end of the pair. Its loopback also carries the link-local addresses a cloud host
 * serves metadata on, and its resolver ({@code /etc/netns/<name>/resolv.conf}, which
 * {@code ip netns exec} mounts over {@code /etc/resolv.conf}) is {@code 127.0.0.1}, so a
 * {@link ContactRecorder} inside can see every metadata request and every name lookup.
 *
 * <p>Names and the /30 (in 198.18.0.0/15, the range set aside for network tests) are new for each
 * namespace, so parallel runs do not meet. {@link #close()} removes the namespace, the veth pair
 * and the files under {@code /etc/netns}; a shutdown hook does it if the JVM ends first.
 */
public final class NetworkNamespace implements AutoCloseable {

    /** The addresses a process inside finds on loopback: EC2 instance metadata, ECS credentials. */
    static final List<String> LINK_LOCAL_ENDPOINTS = List.of("169.254.169.254", "169.254.170.2");
    /** Where the namespace's resolver points: the recorder's DNS listener. */
    static final String RESOLVER = "127.0.0.1";

    private static final Path NETNS_ETC = Path.of("/etc/netns");

    private final String name;
    private final String hostVeth;
    private final String hostAddress;
    private final String address;
    private final Thread cleanup;
    private boolean closed;

    private NetworkNamespace(String name, String hostVeth, String hostAddress, String address) {
        this.name = name;
        this.hostVeth = hostVeth;
        this.hostAddress = hostAddress;
        this.address = address;
        this.cleanup = new Thread(this::remove, "netns-cleanup-" + name);
    }

    /**
     * Says why no namespace can be made here, if so: only root may run {@code ip netns}, and only
     * where iproute2 is installed.
     *
     * @return the reason, or empty when namespaces can be made
     */
    public static Optional<String> unavailableReason() {
        if (Ip.executable().isEmpty()) {
            return Optional.of("no 'ip' (iproute2) on PATH, /usr/sbin or /sbin");
        }
        String uid = effectiveUid();
        if (!uid.equals("0")) {
            return Optional.of("'ip netns' needs root; running as uid " + uid);
        }
        return Optional.empty();
    }

    private static String effectiveUid() {
        try {
            // "Uid:" lists real, effective, saved and filesystem uid.
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("Uid:"))
                    .map(line -> line.split("\\s+")[2])
                    .findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /**
     * Creates a namespace with loopback up, the link-local endpoints on loopback, a veth pair to
     * the host, and its own resolv.conf and hosts file.
     *
     * @return the new namespace; close it
     */
    public static NetworkNamespace create() {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        int block = freeBlock();
        NetworkNamespace namespace = new NetworkNamespace("helpdesk-" + id, "hd" + id + "h",
                blockAddress(block, 1), blockAddress(block, 2));
        Runtime.getRuntime().addShutdownHook(namespace.cleanup);
        try {
            namespace.build("hd" + id + "n");
        } catch (RuntimeException | Error e) {
            namespace.close();
            throw e;
        }
        return namespace;
    }

    private void build(String innerVeth) {
        writeEtc();
        Ip.run("netns", "add", name);
        Ip.run("-n", name, "link", "set", "lo", "up");
        for (String endpoint : LINK_LOCAL_ENDPOINTS) {
            Ip.run("-n", name, "addr", "add", endpoint + "/32", "dev", "lo");
        }
        Ip.run("link", "add", hostVeth, "type", "veth", "peer", "name", innerVeth, "netns", name);
        Ip.run("addr", "add", hostAddress + "/30", "dev", hostVeth);
        Ip.run("link", "set", hostVeth, "up");
        Ip.run("-n", name, "addr", "add", address + "/30", "dev", innerVeth);
        Ip.run("-n", name, "link", "set", innerVeth, "up");
        String routes = Ip.run("-n", name, "route", "show");
        if (routes.contains("default")) {
            throw new IllegalStateException("namespace " + name + " has a default route: " + routes);
        }
    }

    private void writeEtc() {
        Path etc = NETNS_ETC.resolve(name);
        try {
            Files.createDirectories(etc);
            Files.writeString(etc.resolve("resolv.conf"), "nameserver " + RESOLVER + "\noptions attempts:1 timeout:2\n");
            // The machine's own name resolves locally, as it does on ECS, Lambda and any configured
            // host; a lookup of it is the machine's business, not a contact by the artifact.
            String hostname = Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.UTF_8).trim();
            Files.writeString(etc.resolve("hosts"), "127.0.0.1 localhost " + hostname + "\n::1 localhost\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + etc, e);
        }
    }

    /** @return the namespace's name, as {@code ip netns} knows it */
    public String name() {
        return name;
    }

    /** @return the host end of the veth pair: where a process inside reaches the test's servers */
    public String hostAddress() {
        return hostAddress;
    }

    /** @return the namespace end of the veth pair: where the test reaches a server inside */
    public String address() {
        return address;
    }

    /**
     * Returns {@code command} prefixed so that it runs inside the namespace.
     *
     * @param command the program and its arguments
     * @return the full command line
     */
    public List<String> exec(List<String> command) {
        List<String> full = new ArrayList<>(List.of(Ip.path(), "netns", "exec", name));
        full.addAll(command);
        return full;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        remove();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to; it finds nothing left to remove.
        }
    }

    private synchronized void remove() {
        if (closed) {
            return;
        }
        closed = true;
        // Whatever is still running inside was started by this namespace's user; end it by pid.
        for (String pid : Ip.runQuietly("netns", "pids", name).split("\\s+")) {
            if (!pid.isBlank()) {
                ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
        Ip.runQuietly("link", "del", hostVeth);
        Ip.runQuietly("netns", "del", name);
        Path etc = NETNS_ETC.resolve(name);
        if (Files.exists(etc)) {
            try (Stream<Path> files = Files.walk(etc)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // Best effort: a leftover folder under /etc/netns holds no routes or interfaces.
            }
        }
    }

    /** A /30 (index 0..32767 in 198.18.0.0/15) that no interface on the host uses yet. */
    private static int freeBlock() {
        String inUse = Ip.run("-4", "-o", "addr", "show") + Ip.run("-4", "route", "show");
        for (int attempt = 0; attempt < 20; attempt++) {
            int block = ThreadLocalRandom.current().nextInt(1 << 15);
            String network = blockAddress(block, 0);
            if (!inUse.contains(network + "/") && !inUse.contains(network + " ")
                    && !inUse.contains(blockAddress(block, 1) + "/") && !inUse.contains(blockAddress(block, 2) + "/")) {
                return block;
            }
        }
        throw new IllegalStateException("no free /30 in 198.18.0.0/15: " + inUse);
    }

    /** The address {@code offset} (0..3) into /30 number {@code block} of 198.18.0.0/15. */
    private static String blockAddress(int block, int offset) {
        return "198." + (18 + (block >> 14)) + "." + ((block >> 6) & 0xff) + "." + ((block & 0x3f) * 4 + offset);
    }

    /** Runs iproute2's {@code ip}. */
    private static final class Ip {

        private Ip() {
        }

        static Optional<String> executable() {
            String path = System.getenv().getOrDefault("PATH", "");
            return Stream.concat(Stream.of(path.split(":")), Stream.of("/usr/sbin", "/sbin", "/usr/bin", "/bin"))
                    .filter(dir -> !dir.isBlank())
                    .map(dir -> Path.of(dir, "ip"))
                    .filter(Files::isExecutable)
                    .map(Path::toString)
                    .findFirst();
        }

        static String path() {
            return executable().orElseThrow(() -> new IllegalStateException("no 'ip' executable"));
        }

        static String run(String... args) {
            Result result = execute(args);
            if (result.exit() != 0) {
                throw new IllegalStateException("ip " + String.join(" ", args) + " failed (" + result.exit() + "): "
                        + result.output());
            }
            return result.output();
        }

        static String runQuietly(String... args) {
            Result result = execute(args);
            return result.exit() == 0 ? result.output() : "";
        }

        private record Result(int exit, String output) {
        }

        private static Result execute(String... args) {
            List<String> command = new ArrayList<>(List.of(path()));
            command.addAll(List.of(args));
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return new Result(-1, output + " (timed out)");
                }
                return new Result(process.exitValue(), output);
            } catch (IOException e) {
                return new Result(-1, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result(-1, "interrupted");
            }
        }
    }
}
