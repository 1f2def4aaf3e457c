package dev.hauntedhelpdesk.container.dev;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The "dev" run mode: DynamoDB Local in-process and a local token issuer standing in for Cognito,
 * so the service runs with no AWS account and no Docker. It refuses to start where a deployed
 * runtime is detected, and DynamoDB Local is not even in the shipped jar.
 */
public final class DevMode {

    public static final String ENVIRONMENT = "dev";
    /** Variables that AWS sets in Lambda and ECS; dev mode must never run there. */
    static final List<String> DEPLOYED_MARKERS = List.of("AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_RUNTIME_API",
            "AWS_EXECUTION_ENV", "ECS_CONTAINER_METADATA_URI", "ECS_CONTAINER_METADATA_URI_V4");
    static final String POOL_ID = "local_dev";
    static final String CLIENT_ID = "helpdesk-dev";

    private DevMode() {
    }

    public static boolean requested() {
        String fromProperty = System.getProperty("micronaut.environments", "");
        String fromEnv = System.getenv().getOrDefault("MICRONAUT_ENVIRONMENTS", "");
        return Arrays.stream((fromProperty + "," + fromEnv).split(",")).map(String::trim)
                .anyMatch(ENVIRONMENT::equals);
    }

    /** Throws when {@code env} shows a deployed runtime. */
    public static void refuseDeployedRuntime(Map<String, String> env) {
        List<String> found = DEPLOYED_MARKERS.stream().filter(env::containsKey).toList();
        if (!found.isEmpty()) {
            throw new IllegalStateException("Dev mode refuses to start in a deployed runtime (found " + found
                    + "); unset MICRONAUT_ENVIRONMENTS=dev / -Dmicronaut.environments=dev");
        }
    }

    /** Starts DynamoDB Local and returns the properties that point the service at the dev stand-ins. */
    public static Map<String, Object> start(Map<String, String> env) {
        refuseDeployedRuntime(env);
        int dynamoPort = freePort();
        try {
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(new String[]{
                    "-inMemory", "-disableTelemetry", "-port", Integer.toString(dynamoPort)});
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.stop();
                } catch (Exception e) {
                    // the JVM is exiting; nothing to recover
                }
            }));
        } catch (Exception e) {
            throw new IllegalStateException("Could not start DynamoDB Local for dev mode", e);
        }
        String apiPort = env.getOrDefault("API_PORT", "8000");
        Map<String, Object> properties = new HashMap<>();
        properties.put("aws.services.dynamodb.endpoint-override", "http://127.0.0.1:" + dynamoPort);
        properties.put("helpdesk.table-name", env.getOrDefault("DYNAMODB_TABLE_NAME", "helpdesk-dev"));
        properties.put("helpdesk.create-table", "true");
        properties.put("helpdesk.cognito.user-pool-id", POOL_ID);
        properties.put("helpdesk.cognito.region", "local");
        properties.put("helpdesk.cognito.client-ids", CLIENT_ID);
        properties.put("helpdesk.cognito.jwks-url", "http://127.0.0.1:" + apiPort + "/dev/.well-known/jwks.json");
        // DynamoDB Local accepts any credentials; these keep the SDK from searching for real ones.
        System.setProperty("aws.accessKeyId", System.getProperty("aws.accessKeyId", "dev"));
        System.setProperty("aws.secretAccessKey", System.getProperty("aws.secretAccessKey", "dev"));
        return properties;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port for DynamoDB Local", e);
        }
    }
}
