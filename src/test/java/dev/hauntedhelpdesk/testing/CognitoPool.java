package dev.hauntedhelpdesk.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;

/**
 * A Cognito user pool on a {@link MotoServer}, with the users the helpdesk tests log in as.
 *
 * <p>Users, all with the password {@link #PASSWORD}: {@code alice} and {@code bob} are plain
 * requesters (no group), {@code carol} is in {@code agents}, {@code dave} is in {@code agents}
 * and {@code admins}. Tokens come from the app client the application trusts; a second client,
 * {@code other-app}, issues tokens the application must reject.
 */
public final class CognitoPool {

    /** Permanent password of every user in the pool. */
    public static final String PASSWORD = "Haunted-Helpdesk-1";

    private static final String POOL_NAME = "helpdesk-test";
    private static final String APP_CLIENT_NAME = "helpdesk-test-app";
    private static final String OTHER_CLIENT_NAME = "other-app";
    private static final Map<String, List<String>> GROUPS_BY_USER = groupsByUser();

    private static CognitoPool shared;

    private final URI endpoint;
    private final CognitoIdentityProviderClient cognito;
    private final String poolId;
    private final String clientId;
    private final String otherClientId;
    private final Map<String, AuthenticationResultType> appLogins = new ConcurrentHashMap<>();
    private final Map<String, AuthenticationResultType> otherAppLogins = new ConcurrentHashMap<>();
    private final Map<String, RSAKey> forgingKeys = new ConcurrentHashMap<>();

    private CognitoPool(URI endpoint, CognitoIdentityProviderClient cognito, String poolId,
            String clientId, String otherClientId) {
        this.endpoint = endpoint;
        this.cognito = cognito;
        this.poolId = poolId;
        this.clientId = clientId;
        this.otherClientId = otherClientId;
    }

    /**
     * Returns the pool for this JVM, creating it on the shared {@link MotoServer} on first use.
     *
     * @return the shared pool
     */
    public static synchronized CognitoPool shared() {
        if (shared == null) {
            shared = create(MotoServer.shared());
        }
        return shared;
    }

    /**
     * Creates a fresh pool, its app clients, groups and users on the given server.
     *
     * @param moto the server to create the pool on
     * @return the new pool
     */
    public static CognitoPool create(MotoServer moto) {
        return create(moto.endpoint());
    }

    /**
     * Creates a fresh pool on any Cognito-compatible endpoint (moto, or LocalStack with an auth
     * token), whose JWKS is served at {@code <endpoint>/<pool>/.well-known/jwks.json}.
     *
     * @param endpoint the emulator's endpoint
     * @return the new pool
     */
    public static CognitoPool create(URI endpoint) {
        CognitoIdentityProviderClient cognito = CognitoIdentityProviderClient.builder()
                .region(LocalAws.REGION)
                .credentialsProvider(LocalAws.credentials())
                .endpointOverride(endpoint)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        String poolId = cognito.createUserPool(r -> r.poolName(POOL_NAME)).userPool().id();
        String clientId = createAppClient(cognito, poolId, APP_CLIENT_NAME);
        String otherClientId = createAppClient(cognito, poolId, OTHER_CLIENT_NAME);
        GROUPS_BY_USER.values().stream().flatMap(List::stream).distinct()
                .forEach(group -> cognito.createGroup(r -> r.userPoolId(poolId).groupName(group)));
        GROUPS_BY_USER.forEach((username, groups) -> createUser(cognito, poolId, username, groups));
        return new CognitoPool(endpoint, cognito, poolId, clientId, otherClientId);
    }

    /** @return the user pool id */
    public String poolId() {
        return poolId;
    }

    /** @return the id of the app client the application trusts */
    public String clientId() {
        return clientId;
    }

    /** @return the id of the {@code other-app} client, whose tokens the application must reject */
    public String otherClientId() {
        return otherClientId;
    }

    /** @return the AWS region of the pool */
    public String region() {
        return LocalAws.REGION.id();
    }

    /** @return the {@code iss} claim of the pool's tokens, in the real Cognito form */
    public String issuer() {
        return "https://cognito-idp." + region() + ".amazonaws.com/" + poolId;
    }

    /** @return where moto serves the pool's signing keys */
    public URI jwksUrl() {
        return URI.create(endpoint + "/" + poolId + "/.well-known/jwks.json");
    }

    /**
     * Logs the user in through the trusted app client; logins are cached per user.
     *
     * @param username one of the pool's users
     * @return the user's access token
     */
    public String accessToken(String username) {
        return appLogin(username).accessToken();
    }

    /**
     * @param username one of the pool's users
     * @return the user's ID token from the trusted app client
     */
    public String idToken(String username) {
        return appLogin(username).idToken();
    }

    /**
     * @param username one of the pool's users
     * @return an access token issued to {@code other-app} instead of the trusted client
     */
    public String accessTokenFromOtherClient(String username) {
        return otherAppLogins.computeIfAbsent(known(username), user -> login(otherClientId, user)).accessToken();
    }

    /**
     * @param username one of the pool's users
     * @return the user's {@code sub} claim, which the application records as the ticket requester
     */
    public String sub(String username) {
        try {
            return parse(accessToken(username)).getJWTClaimsSet().getSubject();
        } catch (ParseException e) {
            throw new IllegalStateException("moto issued an access token without readable claims", e);
        }
    }

    /**
     * Returns the user's access token re-signed with a freshly generated RSA key that carries the
     * real key's {@code kid}: header and claims are byte-for-byte the real ones, only the signature
     * differs, so a correct validator must reject it.
     *
     * @param username one of the pool's users
     * @return the forged access token
     */
    public String forgedAccessToken(String username) {
        SignedJWT real = parse(accessToken(username));
        String keyId = real.getHeader().getKeyID();
        JWSObject forged = new JWSObject(real.getHeader(), real.getPayload());
        try {
            forged.sign(new RSASSASigner(forgingKeys.computeIfAbsent(keyId, CognitoPool::generateKey)));
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign the forged token", e);
        }
        return forged.serialize();
    }

    private AuthenticationResultType appLogin(String username) {
        return appLogins.computeIfAbsent(known(username), user -> login(clientId, user));
    }

    private AuthenticationResultType login(String appClientId, String username) {
        return cognito.initiateAuth(r -> r
                        .clientId(appClientId)
                        .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                        .authParameters(Map.of("USERNAME", username, "PASSWORD", PASSWORD)))
                .authenticationResult();
    }

    private static String known(String username) {
        if (!GROUPS_BY_USER.containsKey(username)) {
            throw new IllegalArgumentException("No user '" + username + "' in the test pool; known users: "
                    + GROUPS_BY_USER.keySet());
        }
        return username;
    }

    private static SignedJWT parse(String token) {
        try {
            return SignedJWT.parse(token);
        } catch (ParseException e) {
            throw new IllegalStateException("moto issued a token that is not a signed JWT", e);
        }
    }

    private static RSAKey generateKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not generate an RSA key", e);
        }
    }

    private static String createAppClient(CognitoIdentityProviderClient cognito, String poolId, String name) {
        return cognito.createUserPoolClient(r -> r
                        .userPoolId(poolId)
                        .clientName(name)
                        .generateSecret(false)
                        .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                                ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
                .userPoolClient().clientId();
    }

    private static void createUser(CognitoIdentityProviderClient cognito, String poolId, String username,
            List<String> groups) {
        cognito.adminCreateUser(r -> r
                .userPoolId(poolId)
                .username(username)
                .messageAction(MessageActionType.SUPPRESS));
        cognito.adminSetUserPassword(r -> r
                .userPoolId(poolId)
                .username(username)
                .password(PASSWORD)
                .permanent(true));
        groups.forEach(group -> cognito.adminAddUserToGroup(r -> r
                .userPoolId(poolId)
                .username(username)
                .groupName(group)));
    }

    private static Map<String, List<String>> groupsByUser() {
        Map<String, List<String>> users = new LinkedHashMap<>();
        users.put("alice", List.of());
        users.put("bob", List.of());
        users.put("carol", List.of("agents"));
        users.put("dave", List.of("agents", "admins"));
        return users;
    }
}
