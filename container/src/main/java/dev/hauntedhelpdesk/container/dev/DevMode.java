package dev.hauntedhelpdesk.container.dev;

import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The "dev" run mode: the service on a laptop with no AWS account and no Docker. It starts its own
 * {@code moto_server} (DynamoDB and Cognito), lets the service create its table there, creates a
 * user pool with the demo users, and points the service at both; {@code /dev/tokens} then hands
 * out the demo users' real pool tokens. It refuses to start where a deployed runtime is detected,
 * and the Cognito client it needs is not even in the shipped jar.
 */
public final class DevMode {

    public static final String ENVIRONMENT = "dev";
    /** Variables that AWS sets in Lambda and ECS; dev mode must never run there. */
    static final List<String> DEPLOYED_MARKERS = List.of("AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_RUNTIME_API",
            "AWS_EXECUTION_ENV", "ECS_CONTAINER_METADATA_URI", "ECS_CONTAINER_METADATA_URI_V4");
    /** Where the dev controller finds moto_server again. */
    static final String MOTO_ENDPOINT_PROPERTY = "helpdesk.dev.moto-endpoint";
    static final String MOTO_LOG_PROPERTY = "helpdesk.dev.moto-log";
    static final String ACCESS_KEY_ID = "dev";
    static final String SECRET_KEY = "dev";
    private static final String COGNITO_CLIENT_CLASS =
            "software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient";

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
            throw new DevModeRefusedException("Dev mode refuses to start in a deployed runtime (found " + found
                    + "); unset MICRONAUT_ENVIRONMENTS=dev / -Dmicronaut.environments=dev");
        }
    }

    /**
     * Checks that dev mode may and can run here before anything starts, so a missing piece is one
     * line, not a stack trace half-way through start-up.
     *
     * @param env the process environment (its PATH is searched for moto_server)
     * @return the moto_server to run
     * @throws DevModeRefusedException naming what is wrong and what to do
     */
    static Path preflight(Map<String, String> env) {
        refuseDeployedRuntime(env);
        Path moto = DevMotoServer.find(env).orElseThrow(() -> new DevModeRefusedException(
                "Dev mode needs " + DevMotoServer.COMMAND + " on PATH: install it with "
                        + DevMotoServer.INSTALL_HINT));
        try {
            Class.forName(COGNITO_CLIENT_CLASS, false, DevMode.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new DevModeRefusedException("Dev mode needs the dev profile's classpath (the shipped jar has no"
                    + " Cognito client): run ./mvnw -Pdev -pl container -am test-compile exec:exec");
        }
        return moto;
    }

    /**
     * Starts moto_server and the demo user pool, and returns the properties that point the service
     * at them.
     *
     * @param env the process environment
     * @return properties for the application context
     * @throws DevModeRefusedException when dev mode may not or cannot run here
     */
    public static Map<String, Object> start(Map<String, String> env) {
        DevMotoServer moto = DevMotoServer.start(preflight(env));
        URI endpoint = moto.endpoint();
        String region = env.getOrDefault("AWS_DEFAULT_REGION", "us-east-1");
        DevUserPool.Created pool = DevUserPool.create(endpoint, region);

        Map<String, Object> properties = new HashMap<>();
        properties.put(MOTO_ENDPOINT_PROPERTY, endpoint.toString());
        properties.put(MOTO_LOG_PROPERTY, moto.log().toString());
        properties.put("aws.services.dynamodb.endpoint-override", endpoint.toString());
        properties.put("helpdesk.table-name", env.getOrDefault("DYNAMODB_TABLE_NAME", "helpdesk-dev"));
        // The service creates its table (indexes, TTL) at start-up, as DYNAMODB_CREATE_TABLE=true does.
        properties.put("helpdesk.create-table", "true");
        properties.put("helpdesk.cognito.region", region);
        properties.put("helpdesk.cognito.user-pool-id", pool.poolId());
        properties.put("helpdesk.cognito.client-ids", pool.clientId());
        // The issuer keeps the real Cognito form; only the keys come from moto.
        properties.put("helpdesk.cognito.jwks-url", endpoint + "/" + pool.poolId() + "/.well-known/jwks.json");
        // moto accepts any credentials; these keep the SDK from searching for real ones.
        System.setProperty("aws.accessKeyId", System.getProperty("aws.accessKeyId", ACCESS_KEY_ID));
        System.setProperty("aws.secretAccessKey", System.getProperty("aws.secretAccessKey", SECRET_KEY));
        return properties;
    }
}
