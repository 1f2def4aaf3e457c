package dev.hauntedhelpdesk.lambda;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The {@code X-Amzn-Trace-Id} API Gateway passes to the function: the client's trace root when it
 * sent a well-formed one, else a new root (the gateway always sends one).
 */
final class GatewayTrace {

    private static final Pattern ROOT = Pattern.compile("(?:^|.*;)\\s*Root=1-[0-9a-f]{8}-[0-9a-f]{24}\\s*(;.*)?");
    private static final SecureRandom RANDOM = new SecureRandom();

    private GatewayTrace() {
    }

    static String header(String sent) {
        if (sent != null && ROOT.matcher(sent).matches()) {
            return sent;
        }
        byte[] id = new byte[12];
        RANDOM.nextBytes(id);
        return "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000) + "-" + HexFormat.of().formatHex(id);
    }
}
