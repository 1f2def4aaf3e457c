package dev.hauntedhelpdesk.egress;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Runs inside a {@link NetworkNamespace} and records every attempt to reach what a cloud host
 * answers without being configured: the instance metadata service and the ECS credentials
 * endpoint (HTTP on {@link NetworkNamespace#LINK_LOCAL_ENDPOINTS}, port 80) and name resolution
 * (DNS over UDP and TCP on the namespace's resolver). It prints {@link #READY} once it listens,
 * then one {@link #CONTACT} line per request or query. The metadata service answers as on an EC2
 * instance for a session token, the instance id and the region, so a caller goes on to whatever
 * it wanted them for (and shows that too); any other path gets 404. Every query gets NXDOMAIN, so
 * no caller waits for a timeout.
 */
public final class ContactRecorder {

    static final String READY = "READY";
    static final String CONTACT = "CONTACT ";

    private static final Map<String, String> EC2_METADATA = Map.of(
            "PUT /latest/api/token", "recorded-session-token",
            "GET /latest/meta-data/instance-id", "i-0123456789abcdef0",
            "GET /latest/meta-data/placement/region", "us-east-1");
    private static final PrintStream OUT = System.out;
    private static final int HEAD_LIMIT = 16 * 1024;

    private ContactRecorder() {
    }

    public static void main(String[] args) throws IOException {
        for (String endpoint : NetworkNamespace.LINK_LOCAL_ENDPOINTS) {
            ServerSocket http = new ServerSocket(80, 50, InetAddress.getByName(endpoint));
            daemon("http-" + endpoint, () -> acceptLoop(http, ContactRecorder::http));
        }
        InetAddress resolver = InetAddress.getByName(NetworkNamespace.RESOLVER);
        DatagramSocket udp = new DatagramSocket(new InetSocketAddress(resolver, 53));
        ServerSocket tcp = new ServerSocket(53, 50, resolver);
        daemon("dns-udp", () -> udpLoop(udp));
        daemon("dns-tcp", () -> acceptLoop(tcp, ContactRecorder::dnsOverTcp));
        record(READY);
        // Runs until the test ends the process.
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private interface Handler {
        void handle(Socket socket) throws IOException;
    }

    private static void acceptLoop(ServerSocket server, Handler handler) {
        while (true) {
            try {
                Socket socket = server.accept();
                daemon("conn", () -> {
                    try (socket) {
                        socket.setSoTimeout(5000);
                        handler.handle(socket);
                    } catch (IOException e) {
                        record(CONTACT + "from " + socket.getRemoteSocketAddress() + " to "
                                + socket.getLocalSocketAddress() + " ended with " + e);
                    }
                });
            } catch (IOException e) {
                record("ERROR accept on " + server.getLocalSocketAddress() + ": " + e);
                return;
            }
        }
    }

    private static void http(Socket socket) throws IOException {
        String head = readHead(socket.getInputStream());
        String[] lines = head.split("\r\n");
        String userAgent = Arrays.stream(lines)
                .filter(line -> line.toLowerCase(Locale.ROOT).startsWith("user-agent:"))
                .map(line -> line.substring("user-agent:".length()).trim())
                .findFirst().orElse("-");
        String requestLine = lines.length > 0 ? lines[0] : "";
        String endpoint = socket.getLocalAddress().getHostAddress();
        record(CONTACT + "http " + endpoint + ":" + socket.getLocalPort() + " "
                + (requestLine.isEmpty() ? "(nothing sent)" : requestLine) + " user-agent=" + userAgent);
        String[] parts = requestLine.split(" ");
        String body = parts.length >= 2 && endpoint.equals(NetworkNamespace.LINK_LOCAL_ENDPOINTS.get(0))
                ? EC2_METADATA.get(parts[0] + " " + parts[1]) : null;
        String response = body == null
                ? "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                : "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + body.length()
                        + "\r\nConnection: close\r\n\r\n" + body;
        OutputStream out = socket.getOutputStream();
        out.write(response.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (head.size() < HEAD_LIMIT && (b = in.read()) != -1) {
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == end.length) {
                break;
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static void udpLoop(DatagramSocket socket) {
        byte[] buffer = new byte[4096];
        while (true) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                byte[] query = Arrays.copyOf(packet.getData(), packet.getLength());
                record(CONTACT + "dns udp " + DnsQuestion.describe(query));
                byte[] answer = DnsQuestion.nxdomain(query);
                socket.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
            } catch (IOException e) {
                record("ERROR dns udp: " + e);
                return;
            }
        }
    }

    private static void dnsOverTcp(Socket socket) throws IOException {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        DataOutputStream out = new DataOutputStream(socket.getOutputStream());
        while (true) {
            int length;
            try {
                length = in.readUnsignedShort();
            } catch (IOException closed) {
                return;
            }
            byte[] query = in.readNBytes(length);
            record(CONTACT + "dns tcp " + DnsQuestion.describe(query));
            byte[] answer = DnsQuestion.nxdomain(query);
            out.writeShort(answer.length);
            out.write(answer);
            out.flush();
        }
    }

    private static synchronized void record(String line) {
        OUT.println(line);
        OUT.flush();
    }

    private static void daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Reads the first question of a DNS message and builds the NXDOMAIN answer to it. */
    static final class DnsQuestion {

        private static final int HEADER = 12;

        private DnsQuestion() {
        }

        static String describe(byte[] message) {
            int end = nameEnd(message);
            if (end < 0 || end + 4 > message.length) {
                return "(unreadable query of " + message.length + " bytes)";
            }
            int type = ((message[end] & 0xff) << 8) | (message[end + 1] & 0xff);
            return name(message) + " " + switch (type) {
                case 1 -> "A";
                case 28 -> "AAAA";
                case 12 -> "PTR";
                case 33 -> "SRV";
                case 16 -> "TXT";
                default -> "type " + type;
            };
        }

        /** The header and question echoed back, flagged as a recursive answer: no such name. */
        static byte[] nxdomain(byte[] query) {
            int end = nameEnd(query);
            int length = end < 0 || end + 4 > query.length ? Math.min(query.length, HEADER) : end + 4;
            byte[] answer = Arrays.copyOf(query, Math.max(length, HEADER));
            answer[2] = (byte) (0x80 | (query.length > 2 ? query[2] & 0x79 : 0));
            answer[3] = (byte) 0x83;
            answer[4] = 0;
            answer[5] = (byte) (length > HEADER ? 1 : 0);
            Arrays.fill(answer, 6, HEADER, (byte) 0);
            return answer;
        }

        private static String name(byte[] message) {
            StringBuilder name = new StringBuilder();
            int i = HEADER;
            while (i < message.length && message[i] != 0) {
                int label = message[i] & 0xff;
                name.append(new String(message, i + 1, Math.min(label, message.length - i - 1), StandardCharsets.US_ASCII))
                        .append('.');
                i += 1 + label;
            }
            return name.isEmpty() ? "." : name.toString();
        }

        /** Offset just past the first question's name (questions are never compressed), or -1. */
        private static int nameEnd(byte[] message) {
            int i = HEADER;
            while (i < message.length) {
                int label = message[i] & 0xff;
                if (label == 0) {
                    return i + 1;
                }
                if ((label & 0xc0) != 0) {
                    return -1;
                }
                i += 1 + label;
            }
            return -1;
        }
    }
}
