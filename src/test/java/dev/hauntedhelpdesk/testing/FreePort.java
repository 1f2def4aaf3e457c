package dev.hauntedhelpdesk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Finds a TCP port on the loopback interface that nothing is listening on right now.
 */
public final class FreePort {

    private FreePort() {
    }

    /**
     * Returns a port that was free a moment ago; the caller should bind it promptly.
     *
     * @return a free loopback port
     */
    public static int find() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free loopback port", e);
        }
    }
}
