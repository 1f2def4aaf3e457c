package dev.hauntedhelpdesk.egress;

import dev.hauntedhelpdesk.testing.BackendProperties;
import dev.hauntedhelpdesk.testing.CognitoPool;
import dev.hauntedhelpdesk.testing.MotoServer;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Everything a no-egress test needs: a {@link NetworkNamespace} for the artifact, a
 * {@link ContactRecorder} inside it, and the artifact's configured back-ends (one
 * {@code moto_server} for DynamoDB and a Cognito pool with its JWKS) on the host end of the veth
 * pair, named by IP address so the artifact needs no DNS for them. Whatever the artifact reaches
 * beyond what its configuration names shows up in {@link #contacts()}, or cannot leave the
 * namespace at all (there is no route out).
 */
public final class IsolatedNetwork implements AutoCloseable {

    private static final Duration RECORDER_STARTUP = Duration.ofSeconds(30);

    private final NetworkNamespace namespace;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private NamespacedProcess recorder;
    private MotoServer moto;
    private CognitoPool pool;

    private IsolatedNetwork(NetworkNamespace namespace) {
        this.namespace = namespace;
    }

    /**
     * Sets everything up, or skips the calling test when this machine cannot make network
     * namespaces (not root, or no iproute2), except in CI ({@code CI=true}), which must run it.
     * Anything else that goes wrong fails the test.
     *
     * @return the running set-up; close it
     */
    public static IsolatedNetwork start() {
        NetworkNamespace.unavailableReason().ifPresent(reason -> {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI must run the no-egress tests, but there is no network namespace: " + reason);
            }
            assumeTrue(false, "no network namespace: " + reason);
        });
        IsolatedNetwork network = new IsolatedNetwork(NetworkNamespace.create());
        try {
            network.startRecorder();
            network.moto = MotoServer.startOn(network.namespace.hostAddress());
            network.pool = CognitoPool.create(network.moto.endpoint());
        } catch (RuntimeException | Error e) {
            network.close();
            throw e;
        }
        return network;
    }

    private void startRecorder() {
        recorder = NamespacedProcess.start(namespace, NamespacedProcess.java("-Xmx32m", "-XX:TieredStopAtLevel=1",
                "-cp", recorderClasspath(), ContactRecorder.class.getName()), Map.of());
        if (!recorder.awaitLine(ContactRecorder.READY, RECORDER_STARTUP)) {
            throw new IllegalStateException("contact recorder did not start in " + namespace.name() + ": "
                    + recorder.output());
        }
    }

    private static String recorderClasspath() {
        try {
            return Path.of(ContactRecorder.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The variables an operator sets to run the artifact against these back-ends: those
     * container/README.md names, AWS credentials, and nothing that switches lookups off.
     *
     * @return a mutable map
     */
    public Map<String, String> backendEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("DYNAMODB_TABLE_NAME", BackendProperties.uniqueTableName());
        env.put("DYNAMODB_CREATE_TABLE", "true");
        env.put("AWS_DEFAULT_REGION", pool.region());
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_ENDPOINT_URL_DYNAMODB", moto.endpoint().toString());
        env.put("COGNITO_USER_POOL_ID", pool.poolId());
        env.put("COGNITO_APP_CLIENT_IDS", pool.clientId());
        env.put("COGNITO_JWKS_URL", pool.jwksUrl().toString());
        return env;
    }

    /** @return the moto_server behind every AWS API the artifact is configured to call */
    public URI motoEndpoint() {
        return moto.endpoint();
    }

    /** @return the Cognito pool the artifact trusts */
    public CognitoPool pool() {
        return pool;
    }

    /** @return the namespace the artifact runs in */
    public NetworkNamespace namespace() {
        return namespace;
    }

    /**
     * Starts the test's JVM binary inside the namespace; it is stopped on {@link #close()} at the latest.
     *
     * @param env its environment
     * @param args what follows {@code java}
     * @return the running process
     */
    public NamespacedProcess java(Map<String, String> env, String... args) {
        NamespacedProcess process = NamespacedProcess.start(namespace, NamespacedProcess.java(args), env);
        resources.add(process);
        return process;
    }

    /** @return one line per metadata request or DNS query seen inside the namespace so far */
    public List<String> contacts() {
        String output = recorder.output();
        if (output.lines().anyMatch(line -> line.startsWith("ERROR"))) {
            throw new IllegalStateException("the contact recorder broke: " + output);
        }
        return output.lines().filter(line -> line.startsWith(ContactRecorder.CONTACT))
                .map(line -> line.substring(ContactRecorder.CONTACT.length())).toList();
    }

    /**
     * Fails when anything was contacted.
     *
     * @param process the artifact, whose output the failure shows
     */
    public void assertNoContact(NamespacedProcess process) {
        List<String> contacts = contacts();
        if (!contacts.isEmpty()) {
            fail("the artifact contacted what its configuration does not name:\n  " + String.join("\n  ", contacts)
                    + "\n--- its output ---\n" + process.output());
        }
    }

    @Override
    public void close() {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception ignored) {
                // Go on: the namespace below ends whatever is left inside it.
            }
        }
        if (recorder != null) {
            recorder.close();
        }
        if (moto != null) {
            moto.shutDown();
        }
        namespace.close();
    }
}
