package dev.hauntedhelpdesk.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Micronaut properties that point an application context at the local back-ends:
 * DynamoDB on the shared {@link MotoServer} and the shared {@link CognitoPool}.
 */
public final class BackendProperties {

    private BackendProperties() {
    }

    /**
     * Starts the shared back-ends if needed and returns the properties that wire the application
     * to them. The map is mutable so a test can add its own properties.
     *
     * @param tableName the DynamoDB table the application should use (and create)
     * @return properties for {@code ApplicationContext.run(Map)} or {@code @Property} sources
     */
    public static Map<String, Object> forApp(String tableName) {
        return forApp(tableName, MotoServer.shared().endpoint(), CognitoPool.shared());
    }

    /**
     * The same, for any DynamoDB endpoint (moto, LocalStack) and any pool.
     *
     * @param tableName the DynamoDB table the application should use
     * @param dynamoDbEndpoint where DynamoDB answers
     * @param pool the user pool whose tokens the application accepts
     * @return properties for the application context
     */
    public static Map<String, Object> forApp(String tableName, java.net.URI dynamoDbEndpoint, CognitoPool pool) {
        Map<String, Object> properties = new LinkedHashMap<>();
        // Names read by micronaut-aws-sdk-v2's EnvironmentAwsRegionProvider and EnvironmentAwsCredentialsProvider.
        properties.put("aws.region", LocalAws.REGION.id());
        properties.put("aws.access-key-id", LocalAws.ACCESS_KEY_ID);
        properties.put("aws.secret-key", LocalAws.SECRET_KEY);
        properties.put("aws.services.dynamodb.endpoint-override", dynamoDbEndpoint.toString());
        properties.put("helpdesk.table-name", tableName);
        // Every test uses a table of its own, which the application creates at start-up.
        properties.put("helpdesk.create-table", "true");
        properties.put("helpdesk.cognito.region", pool.region());
        properties.put("helpdesk.cognito.user-pool-id", pool.poolId());
        // A single id as a string binds to String, List<String> and Set<String> alike.
        properties.put("helpdesk.cognito.client-ids", pool.clientId());
        properties.put("helpdesk.cognito.jwks-url", pool.jwksUrl().toString());
        // Scenarios that create and then edit tickets must not race a background triage run;
        // triage tests switch it back on.
        properties.put("helpdesk.triage.on-create", "false");
        return properties;
    }

    /**
     * Returns a table name no other test in this or another JVM is using.
     *
     * @return a name like {@code helpdesk-3f9c2a71d04e}
     */
    public static String uniqueTableName() {
        return "helpdesk-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
