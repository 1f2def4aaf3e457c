package dev.hauntedhelpdesk.process;

import dev.hauntedhelpdesk.testing.BackendProperties;
import dev.hauntedhelpdesk.testing.CognitoPool;
import dev.hauntedhelpdesk.testing.MotoServer;

import java.util.HashMap;
import java.util.Map;

/**
 * Environment variables, as an operator would set them, pointing a fresh process at moto's DynamoDB
 * (through the AWS SDK's standard AWS_ENDPOINT_URL_DYNAMODB) and at moto's Cognito pool.
 */
public final class BackendEnvironment {

    private BackendEnvironment() {
    }

    public static Map<String, String> complete() {
        CognitoPool pool = CognitoPool.shared();
        Map<String, String> env = new HashMap<>();
        env.put("DYNAMODB_TABLE_NAME", BackendProperties.uniqueTableName());
        env.put("DYNAMODB_CREATE_TABLE", "true");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_ENDPOINT_URL_DYNAMODB", MotoServer.shared().endpoint().toString());
        env.put("COGNITO_USER_POOL_ID", pool.poolId());
        env.put("COGNITO_APP_CLIENT_IDS", pool.clientId());
        env.put("COGNITO_JWKS_URL", pool.jwksUrl().toString());
        return env;
    }
}
