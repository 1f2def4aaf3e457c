package dev.hauntedhelpdesk.container;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.hauntedhelpdesk.testing.AttachmentStores;
import dev.hauntedhelpdesk.testing.BackendProperties;
import dev.hauntedhelpdesk.testing.CognitoPool;
import dev.hauntedhelpdesk.testing.MotoServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Measures the heap an upload costs the Netty server: the client streams a generated multipart
 * body (so it holds almost nothing itself), and the figures are the most live heap seen after any
 * GC during the request (what the request keeps reachable), the peak heap in use, and the bytes
 * allocated by all threads. Not part of the suite (its name matches no Surefire include); run it
 * with {@code ./mvnw -o -q -pl container -am test -Dtest=UploadHeapMeasurement
 * -Dsurefire.failIfNoSpecifiedTests=false -DargLine=-Xmx256m}. {@code -Dmeasure.buffer=BYTES}
 * raises Micronaut's request buffer limit (what a configuration-only fix of the old code would do).
 */
class UploadHeapMeasurement {

    private static final int MIB = 1024 * 1024;

    @Test
    void measure() throws Exception {
        AttachmentStores store = AttachmentStores.filesystem();
        CognitoPool pool = CognitoPool.shared();
        Map<String, Object> properties = BackendProperties.forApp(BackendProperties.uniqueTableName(),
                MotoServer.shared().endpoint(), pool);
        properties.put("helpdesk.max-upload-size-mb", "20");
        properties.put("helpdesk.max-files-per-request", "3");
        properties.putAll(store.properties());
        properties.put("micronaut.server.port", -1);
        String buffer = System.getProperty("measure.buffer");
        if (buffer != null) {
            properties.put("micronaut.server.max-request-buffer-size", buffer);
        }
        String token = pool.accessToken("bob");
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
            HttpClient client = HttpClient.newHttpClient();
            upload(client, server, token, 3, 64 * 1024);
            System.out.println("\nUpload heap measurement (max heap " + Runtime.getRuntime().maxMemory() / MIB
                    + " MiB, request buffer limit " + (buffer == null ? "default" : buffer) + ")");
            for (int fileMib : new int[]{3, 19}) {
                for (int run = 0; run < 2; run++) {
                    measure(client, server, token, 3, fileMib * MIB);
                }
            }
        }
    }

    private static void measure(HttpClient client, EmbeddedServer server, String token, int files, int fileBytes)
            throws Exception {
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        Set<String> heapNames = heapPools.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        System.gc();
        Thread.sleep(200);
        long baseline = used(heapPools);
        AtomicLong maxLiveAfterGc = new AtomicLong(baseline);
        List<Runnable> unsubscribe = listenToGcs(heapNames, maxLiveAfterGc);
        AtomicLong peakUsed = new AtomicLong(baseline);
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakUsed.accumulateAndGet(used(heapPools), Math::max);
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getTotalThreadAllocatedBytes();
        long started = System.nanoTime();
        int status = upload(client, server, token, files, fileBytes);
        long millis = (System.nanoTime() - started) / 1_000_000;
        long allocated = threads.getTotalThreadAllocatedBytes() - allocatedBefore;
        sampler.interrupt();
        sampler.join();
        unsubscribe.forEach(Runnable::run);
        System.out.printf("%d files x %d MiB (body %.1f MiB): status %d in %d ms; live heap after GC, max %.1f MiB"
                        + " over baseline; heap in use, peak %.1f MiB over baseline; allocated %.1f MiB%n",
                files, fileBytes / MIB, (double) bodyLength(files, fileBytes) / MIB, status, millis,
                (maxLiveAfterGc.get() - baseline) / (double) MIB, (peakUsed.get() - baseline) / (double) MIB,
                allocated / (double) MIB);
    }

    private static List<Runnable> listenToGcs(Set<String> heapNames, AtomicLong maxLiveAfterGc) throws Exception {
        List<Runnable> unsubscribe = new ArrayList<>();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            NotificationEmitter emitter = (NotificationEmitter) gc;
            javax.management.NotificationListener listener = (notification, handback) -> {
                if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                    return;
                }
                GarbageCollectionNotificationInfo info =
                        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                long after = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                        .filter(e -> heapNames.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
                maxLiveAfterGc.accumulateAndGet(after, Math::max);
            };
            emitter.addNotificationListener(listener, null, null);
            unsubscribe.add(() -> {
                try {
                    emitter.removeNotificationListener(listener);
                } catch (javax.management.ListenerNotFoundException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        return unsubscribe;
    }

    private static long used(List<MemoryPoolMXBean> pools) {
        long used = 0;
        for (MemoryPoolMXBean pool : pools) {
            used += pool.getUsage().getUsed();
        }
        return used;
    }

    private static final String BOUNDARY = "----MeasureBoundary7MA4YWxkTrZu0gW";

    private static int upload(HttpClient client, EmbeddedServer server, String token, int files, int fileBytes)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort()
                        + "/api/submit-ticket"))
                .timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(() -> body(files, fileBytes)),
                        bodyLength(files, fileBytes)))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }

    private static long bodyLength(int files, int fileBytes) {
        long length = head().length + tail().length;
        for (int i = 0; i < files; i++) {
            length += partHead(i).length + fileBytes + 2;
        }
        return length;
    }

    private static InputStream body(int files, int fileBytes) {
        List<InputStream> parts = new ArrayList<>();
        parts.add(new ByteArrayInputStream(head()));
        for (int i = 0; i < files; i++) {
            parts.add(new ByteArrayInputStream(partHead(i)));
            parts.add(new GeneratedPng(fileBytes, i));
            parts.add(new ByteArrayInputStream("\r\n".getBytes(StandardCharsets.US_ASCII)));
        }
        parts.add(new ByteArrayInputStream(tail()));
        return new SequenceInputStream(Collections.enumeration(parts));
    }

    private static byte[] head() {
        StringBuilder sb = new StringBuilder();
        for (String[] field : new String[][]{{"title", "Heap measurement"}, {"description", "Large screenshots"},
                {"severity", "low"}}) {
            sb.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"").append(field[0])
                    .append("\"\r\n\r\n").append(field[1]).append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] partHead(int i) {
        return ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"files[]\"; filename=\"shot-" + i
                + ".png\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] tail() {
        return ("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** A PNG signature and then pseudo-random bytes, generated as they are read. */
    private static final class GeneratedPng extends InputStream {

        private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        private final Random random;
        private final long length;
        private long position;

        GeneratedPng(long length, long seed) {
            this.length = length;
            this.random = new Random(seed);
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= length) {
                return -1;
            }
            int n = (int) Math.min(len, length - position);
            byte[] chunk = new byte[n];
            random.nextBytes(chunk);
            for (int i = 0; i < n; i++) {
                long at = position + i;
                b[off + i] = at < SIGNATURE.length ? SIGNATURE[(int) at] : chunk[i];
            }
            position += n;
            return n;
        }
    }
}
