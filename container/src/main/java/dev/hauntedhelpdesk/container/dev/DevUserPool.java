package dev.hauntedhelpdesk.container.dev;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The demo users' Cognito user pool on dev mode's moto_server. Created at start-up through the AWS
 * SDK the way the LocalStack hooks create it (pool, app client with USER_PASSWORD_AUTH, the
 * {@code agents} and {@code admins} groups, three users with a permanent password), and logged
 * into for real whenever {@code /dev/tokens} is asked, so the service validates genuine pool
 * tokens against the pool's JWKS.
 */
final class DevUserPool implements AutoCloseable {

    /** Permanent password of the demo users, as in the LocalStack hooks. */
    static final String PASSWORD = "Helpdesk-Demo-1";
    /** Demo users by the name {@code /dev/tokens} gives their token. */
    static final Map<String, DemoUser> USERS = demoUsers();
    private static final String POOL_NAME = "helpdesk-dev";
    private static final String CLIENT_NAME = "helpdesk-dev-app";

    /** A demo user's pool username and groups. */
    record DemoUser(String username, List<String> groups) {
    }

    /** What the service needs to know of the new pool. */
    record Created(String poolId, String clientId) {
    }

    private final CognitoIdentityProviderClient cognito;
    private final String clientId;

    DevUserPool(URI endpoint, String region, String clientId) {
        this.cognito = client(endpoint, region);
        this.clientId = clientId;
    }

    /** Creates the pool, its app client, groups and demo users on {@code endpoint}. */
    static Created create(URI endpoint, String region) {
        try (CognitoIdentityProviderClient cognito = client(endpoint, region)) {
            String poolId = cognito.createUserPool(r -> r.poolName(POOL_NAME)).userPool().id();
            String clientId = cognito.createUserPoolClient(r -> r
                            .userPoolId(poolId)
                            .clientName(CLIENT_NAME)
                            .generateSecret(false)
                            .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                                    ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
                    .userPoolClient().clientId();
            for (String group : List.of("agents", "admins")) {
                cognito.createGroup(r -> r.userPoolId(poolId).groupName(group));
            }
            USERS.values().forEach(user -> createUser(cognito, poolId, user));
            return new Created(poolId, clientId);
        }
    }

    /** Fresh access tokens of every demo user, from InitiateAuth USER_PASSWORD_AUTH. */
    Map<String, String> accessTokens() {
        Map<String, String> tokens = new TreeMap<>();
        USERS.forEach((name, user) -> tokens.put(name, cognito.initiateAuth(r -> r
                        .clientId(clientId)
                        .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                        .authParameters(Map.of("USERNAME", user.username(), "PASSWORD", PASSWORD)))
                .authenticationResult().accessToken()));
        return tokens;
    }

    @Override
    public void close() {
        cognito.close();
    }

    private static void createUser(CognitoIdentityProviderClient cognito, String poolId, DemoUser user) {
        cognito.adminCreateUser(r -> r
                .userPoolId(poolId)
                .username(user.username())
                .messageAction(MessageActionType.SUPPRESS));
        // A permanent password skips the first-login password change, so USER_PASSWORD_AUTH works at once.
        cognito.adminSetUserPassword(r -> r
                .userPoolId(poolId)
                .username(user.username())
                .password(PASSWORD)
                .permanent(true));
        user.groups().forEach(group -> cognito.adminAddUserToGroup(r -> r
                .userPoolId(poolId)
                .username(user.username())
                .groupName(group)));
    }

    private static CognitoIdentityProviderClient client(URI endpoint, String region) {
        return CognitoIdentityProviderClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                // moto accepts any credentials; fixed ones keep the SDK from looking for real ones.
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(DevMode.ACCESS_KEY_ID, DevMode.SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private static Map<String, DemoUser> demoUsers() {
        Map<String, DemoUser> users = new LinkedHashMap<>();
        users.put("requester", new DemoUser("requester@example.com", List.of()));
        users.put("agent", new DemoUser("agent@example.com", List.of("agents")));
        users.put("admin", new DemoUser("admin@example.com", List.of("agents", "admins")));
        return users;
    }
}
