package dev.hauntedhelpdesk.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A bounded closed-loop load on loopback: each of {@code connections} keep-alive HTTP/1.1
 * connections sends its share of {@code requests} one after another, as fast as the answers come.
 * Raw sockets, so the client adds no pooling of its own; every answer must be a 200.
 */
final class HttpLoad {

    /** How a load went: its wall time and each request's latency. */
    record Result(int connections, double seconds, double[] latenciesMs) {

        double requestsPerSecond() {
            return latenciesMs.length / seconds;
        }

        double p99Ms() {
            double[] sorted = latenciesMs.clone();
            Arrays.sort(sorted);
            return sorted[(int) Math.ceil(sorted.length * 0.99) - 1];
        }
    }

    private final int port;
    private final byte[] request;

    HttpLoad(int port, String path, String token) {
        this.port = port;
        this.request = ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAccept: application/json\r\n"
                + "Authorization: Bearer " + token + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    Result run(int connections, int requests) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(connections);
        try {
            List<Future<double[]>> shares = new ArrayList<>();
            long started = System.nanoTime();
            for (int c = 0; c < connections; c++) {
                int share = requests / connections + (c < requests % connections ? 1 : 0);
                shares.add(threads.submit(() -> connection(share)));
            }
            List<double[]> latencies = new ArrayList<>();
            for (Future<double[]> share : shares) {
                latencies.add(share.get());
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            return new Result(connections, seconds, latencies.stream().flatMapToDouble(Arrays::stream).toArray());
        } finally {
            threads.shutdownNow();
        }
    }

    /** One request on a fresh connection; returns the body, which must come with a 200. */
    String once() throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.getOutputStream().write(request);
            return new String(answer(new BufferedInputStream(socket.getInputStream())), StandardCharsets.UTF_8);
        }
    }

    private double[] connection(int requests) throws IOException {
        double[] latencies = new double[requests];
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            for (int i = 0; i < requests; i++) {
                long sent = System.nanoTime();
                out.write(request);
                out.flush();
                answer(in);
                latencies[i] = (System.nanoTime() - sent) / 1e6;
            }
        }
        return latencies;
    }

    /** Reads one response (Content-Length or chunked), fails on anything but 200, returns the body. */
    private static byte[] answer(InputStream in) throws IOException {
        String status = line(in);
        if (!status.startsWith("HTTP/1.1 200")) {
            throw new IllegalStateException("Expected 200, got: " + status);
        }
        int length = -1;
        boolean chunked = false;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            String lower = header.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (!chunked) {
            return in.readNBytes(Math.max(length, 0));
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
             size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
            body.write(in.readNBytes(size));
            line(in);
        }
        line(in);
        return body.toByteArray();
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("Connection closed mid-response");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }
}
