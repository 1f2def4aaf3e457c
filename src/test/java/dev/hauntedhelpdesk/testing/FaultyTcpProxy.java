package dev.hauntedhelpdesk.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A TCP proxy in front of an HTTP/1.1 service (moto) that injects network faults request by
 * request, the way a flaky network or a table coming back from an outage does. It reads each
 * request whole (head and {@code Content-Length} body), asks {@link #faults} what to do with it,
 * and forwards it on a fresh upstream connection. Plain sockets on virtual threads, no library:
 * what matters is exactly which bytes reached the service before the client lost its answer.
 */
public final class FaultyTcpProxy implements AutoCloseable {

    /** What happens to one request. */
    public enum Fault {
        /** Forwarded, answered normally. */
        PASS,
        /** Half of the request reaches the service, then both connections are cut: nothing is done. */
        CUT_REQUEST,
        /** The whole request reaches the service and is done; the connection is cut before the answer. */
        CUT_ANSWER,
        /** Accepted and never forwarded nor answered: nothing is done, the client times out. */
        BLACK_HOLE,
        /** Forwarded and done; the answer is held back past the client's timeouts. */
        DELAY_ANSWER
    }

    /** One request as the proxy read it: the AWS JSON target (e.g. {@code DynamoDB_20120810.PutItem}) and body. */
    public record Request(String target, byte[] body) {

        public String operation() {
            return target == null ? "" : target.substring(target.indexOf('.') + 1);
        }

        public boolean bodyContains(String text) {
            return new String(body, StandardCharsets.UTF_8).contains(text);
        }
    }

    private final ServerSocket listener;
    private final InetSocketAddress upstream;
    private final Duration answerDelay;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Map<Fault, AtomicInteger> injected = new EnumMap<>(Fault.class);
    private final Map<String, AtomicInteger> operations = new ConcurrentHashMap<>();
    private volatile Function<Request, Fault> faults = request -> Fault.PASS;
    private volatile boolean closed;

    private FaultyTcpProxy(ServerSocket listener, InetSocketAddress upstream, Duration answerDelay) {
        this.listener = listener;
        this.upstream = upstream;
        this.answerDelay = answerDelay;
        for (Fault fault : Fault.values()) {
            injected.put(fault, new AtomicInteger());
        }
    }

    /**
     * Starts a proxy on a free loopback port in front of {@code target}.
     *
     * @param target the service, e.g. moto's endpoint
     * @param answerDelay how long {@link Fault#DELAY_ANSWER} holds an answer back
     */
    public static FaultyTcpProxy start(URI target, Duration answerDelay) {
        try {
            ServerSocket listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
            FaultyTcpProxy proxy = new FaultyTcpProxy(listener,
                    new InetSocketAddress(target.getHost(), target.getPort()), answerDelay);
            Thread.ofVirtual().name("faulty-proxy-accept").start(proxy::acceptLoop);
            return proxy;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Where clients connect: use it as the SDK's endpoint override. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort());
    }

    /** Decides the fault for each request from now on; the function may block (to order requests). */
    public void faults(Function<Request, Fault> decide) {
        this.faults = decide;
    }

    /** How many requests got each fault so far. */
    public Map<Fault, Integer> injected() {
        Map<Fault, Integer> counts = new EnumMap<>(Fault.class);
        injected.forEach((fault, count) -> counts.put(fault, count.get()));
        return counts;
    }

    /** How many requests of each operation (PutItem, GetItem...) arrived so far. */
    public Map<String, Integer> operations() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        operations.forEach((op, count) -> counts.put(op, count.get()));
        return counts;
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        open.forEach(FaultyTcpProxy::closeQuietly);
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                open.add(client);
                Thread.ofVirtual().name("faulty-proxy-conn").start(() -> serve(client));
            } catch (IOException e) {
                if (!closed) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            while (!closed) {
                byte[] head = readHead(in);
                if (head == null) {
                    return;
                }
                String headText = new String(head, StandardCharsets.ISO_8859_1);
                byte[] body = in.readNBytes(contentLength(headText));
                Request request = new Request(header(headText, "x-amz-target"), body);
                operations.computeIfAbsent(request.operation(), k -> new AtomicInteger()).incrementAndGet();
                Fault fault = faults.apply(request);
                injected.get(fault).incrementAndGet();
                switch (fault) {
                    case BLACK_HOLE -> {
                        // Keep the connection open, silent, until the client gives up on it.
                        in.transferTo(OutputStream.nullOutputStream());
                        return;
                    }
                    case CUT_REQUEST -> {
                        try (Socket service = connect()) {
                            OutputStream toService = service.getOutputStream();
                            toService.write(head);
                            toService.write(body, 0, body.length / 2);
                            toService.flush();
                        }
                        return;
                    }
                    default -> {
                        byte[] answer = exchange(head, body);
                        if (fault == Fault.CUT_ANSWER) {
                            return;
                        }
                        if (fault == Fault.DELAY_ANSWER) {
                            Thread.sleep(answerDelay);
                        }
                        out.write(answer);
                        out.flush();
                        if (fault == Fault.DELAY_ANSWER) {
                            return;
                        }
                    }
                }
            }
        } catch (IOException e) {
            // The client or the service went away: that is the kind of thing this proxy is for.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(client);
        }
    }

    /** Sends one request on a connection of its own and reads the whole answer. */
    private byte[] exchange(byte[] head, byte[] body) throws IOException {
        try (Socket service = connect()) {
            OutputStream toService = service.getOutputStream();
            toService.write(head);
            toService.write(body);
            toService.flush();
            InputStream fromService = service.getInputStream();
            byte[] answerHead = readHead(fromService);
            if (answerHead == null) {
                throw new IOException("service closed without answering");
            }
            String text = new String(answerHead, StandardCharsets.ISO_8859_1);
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            String length = header(text, "content-length");
            if (length != null) {
                answer.write(answerHead);
                answer.write(fromService.readNBytes(Integer.parseInt(length.trim())));
            } else if ("chunked".equalsIgnoreCase(String.valueOf(header(text, "transfer-encoding")).trim())) {
                answer.write(answerHead);
                answer.write(readChunks(fromService));
            } else {
                // Neither length nor chunks: the body runs to the end of the connection; pass it
                // on with its length so the client's connection can be reused.
                byte[] rest = fromService.readAllBytes();
                String fixedHead = text.substring(0, text.length() - 2) + "Content-Length: " + rest.length + "\r\n\r\n";
                answer.write(fixedHead.getBytes(StandardCharsets.ISO_8859_1));
                answer.write(rest);
            }
            return answer.toByteArray();
        }
    }

    private Socket connect() throws IOException {
        Socket service = new Socket();
        service.connect(upstream, 5000);
        service.setSoTimeout(30_000);
        return service;
    }

    private static byte[] readChunks(InputStream in) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            raw.write((sizeLine + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
            if (size == 0) {
                String trailer;
                do {
                    trailer = readLine(in);
                    raw.write((trailer + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                } while (!trailer.isEmpty());
                return raw.toByteArray();
            }
            raw.write(in.readNBytes(size));
            raw.write(in.readNBytes(2));
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                int last = line.length() - 1;
                return last >= 0 && line.charAt(last) == '\r' ? line.substring(0, last) : line.toString();
            }
            line.append((char) b);
        }
        throw new IOException("connection ended inside a chunked body");
    }

    /** The bytes up to and including the blank line, or null at a clean end of the connection. */
    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                return head.toByteArray();
            }
        }
        if (head.size() == 0) {
            return null;
        }
        throw new IOException("connection ended inside a message head");
    }

    private static int contentLength(String head) {
        String value = header(head, "content-length");
        return value == null ? 0 : Integer.parseInt(value.trim());
    }

    private static String header(String head, String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // Closing is best effort; the test's assertions do not depend on it.
        }
    }
}
