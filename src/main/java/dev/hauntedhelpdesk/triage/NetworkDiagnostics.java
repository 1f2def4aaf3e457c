package dev.hauntedhelpdesk.triage;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The network specialist's tools: DNS resolution and TCP reachability, each with a timeout (no
 * ICMP, which Lambda forbids). Targets come from ticket text, so they are validated first: only
 * public DNS names or public IP literals, only well-known service ports, at most
 * {@value #MAX_TARGETS} per ticket, and never an address in a loopback, private, link-local
 * (cloud metadata), shared or multicast range, checked after resolution so a public name that
 * points inside is refused too. This keeps the tool from being used to scan internal networks.
 */
public class NetworkDiagnostics {

    static final int MAX_TARGETS = 3;
    static final Set<Integer> ALLOWED_PORTS = Set.of(22, 25, 53, 80, 110, 143, 443, 465, 587, 993, 995, 1433,
            3306, 3389, 5432, 8080, 8443);
    private static final Pattern TARGET = Pattern.compile(
            "(?<![\\w.@/-])((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,24}|\\d{1,3}(?:\\.\\d{1,3}){3})"
                    + "(?::(\\d{1,5}))?(?![\\w-])",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> NOT_HOSTS = Set.of("e.g", "i.e", "etc");

    private final Duration timeout;

    public NetworkDiagnostics(Duration timeout) {
        this.timeout = timeout;
    }

    /** Host and port pairs named in the text, validated syntactically; default port 443. */
    public static Map<String, Integer> targets(String text) {
        Map<String, Integer> targets = new LinkedHashMap<>();
        Matcher m = TARGET.matcher(text);
        while (m.find() && targets.size() < MAX_TARGETS) {
            String host = m.group(1).toLowerCase(Locale.ROOT);
            if (NOT_HOSTS.contains(host) || host.endsWith(".local") || host.endsWith(".internal")
                    || host.endsWith(".localhost") || looksLikeFileName(host)) {
                continue;
            }
            int port = 443;
            if (m.group(2) != null) {
                port = Integer.parseInt(m.group(2));
            }
            targets.putIfAbsent(host, port);
        }
        return targets;
    }

    private static boolean looksLikeFileName(String host) {
        return host.matches(".*\\.(txt|log|exe|dll|pdf|png|jpg|docx?|xlsx?|zip|json|xml|msi|ps1|sh|jar|ini|cfg)$");
    }

    /** Resolves and probes every validated target in the text. */
    public List<ToolFinding> diagnose(String text) {
        List<ToolFinding> findings = new ArrayList<>();
        targets(text).forEach((host, port) -> findings.addAll(probe(host, port)));
        return findings;
    }

    List<ToolFinding> probe(String host, int port) {
        List<ToolFinding> findings = new ArrayList<>();
        String target = host + ":" + port;
        if (!ALLOWED_PORTS.contains(port)) {
            findings.add(new ToolFinding("tcp_connect", target, false, "port not allowed for diagnostics"));
            return findings;
        }
        InetAddress[] addresses;
        try {
            addresses = withTimeout(() -> InetAddress.getAllByName(host));
        } catch (TimeoutException e) {
            findings.add(new ToolFinding("dns_resolve", host, false, "no answer within " + timeout.toMillis() + " ms"));
            return findings;
        } catch (Exception e) {
            findings.add(new ToolFinding("dns_resolve", host, false, "does not resolve"));
            return findings;
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                findings.add(new ToolFinding("dns_resolve", host, false,
                        "resolves to a non-public address; not probed"));
                return findings;
            }
        }
        findings.add(new ToolFinding("dns_resolve", host, true, "resolves to " + addresses[0].getHostAddress()));
        long started = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(addresses[0], port), (int) timeout.toMillis());
            findings.add(new ToolFinding("tcp_connect", target, true,
                    "connected in " + (System.nanoTime() - started) / 1_000_000 + " ms"));
        } catch (IOException e) {
            findings.add(new ToolFinding("tcp_connect", target, false, e.getClass().getSimpleName()));
        }
        return findings;
    }

    /** True only for globally routable unicast addresses. */
    public static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 && first < 224
                    && !(first == 100 && second >= 64 && second < 128)   // shared address space (CGNAT)
                    && !(first == 192 && second == 0)                    // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19)); // benchmarking
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            return (first & 0xfe) != 0xfc; // unique local fc00::/7
        }
        return false;
    }

    private <T> T withTimeout(java.util.concurrent.Callable<T> call) throws Exception {
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletableFuture<T> future = CompletableFuture.supplyAsync(() -> {
                try {
                    return call.call();
                } catch (Exception e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            }, executor);
            try {
                return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception ex ? ex : e;
            } finally {
                future.cancel(true);
                executor.shutdownNow();
            }
        }
    }
}
