package dev.hauntedhelpdesk.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Validly signed access tokens whose claims a test chooses (an empty {@code sub}, say), which
 * moto never issues. A small JWKS endpoint on loopback serves the pool's own keys plus a key of
 * this class; point {@code helpdesk.cognito.jwks-url} at {@link #jwksUrl()} and both the pool's
 * tokens and these validate.
 */
public final class ForgedTokens implements AutoCloseable {

    private static final String KEY_ID = "test-controlled-key";

    private final CognitoPool pool;
    private final RSAKey key;
    private final HttpServer server;

    private ForgedTokens(CognitoPool pool, RSAKey key, HttpServer server) {
        this.pool = pool;
        this.key = key;
        this.server = server;
    }

    /**
     * Starts the JWKS endpoint for this pool.
     *
     * @param pool the pool whose keys are served beside this class's key
     * @return the running endpoint
     */
    public static ForgedTokens start(CognitoPool pool) {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID(KEY_ID).algorithm(JWSAlgorithm.RS256)
                    .keyUse(com.nimbusds.jose.jwk.KeyUse.SIGNATURE).generate();
            List<JWK> keys = new ArrayList<>(JWKSet.load(pool.jwksUrl().toURL()).getKeys());
            keys.add(key.toPublicJWK());
            byte[] jwks = new JWKSet(keys).toString(true).getBytes(StandardCharsets.UTF_8);
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/jwks.json", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(jwks);
                }
            });
            server.start();
            return new ForgedTokens(pool, key, server);
        } catch (JOSEException | ParseException e) {
            throw new IllegalStateException("Could not set up the test's signing key", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return where the pool's keys and this class's key are served */
    public URI jwksUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json");
    }

    /**
     * The user's real access token's claims with {@code overrides} applied (a null value removes
     * the claim), signed with this class's key.
     *
     * @param username one of the pool's users
     * @param overrides claims to set or remove
     * @return the signed token
     */
    public String accessToken(String username, Map<String, Object> overrides) {
        try {
            JWTClaimsSet real = SignedJWT.parse(pool.accessToken(username)).getJWTClaimsSet();
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder(real);
            overrides.forEach(claims::claim);
            SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY_ID)
                    .type(JOSEObjectType.JWT).build(), claims.build());
            token.sign(new RSASSASigner(key));
            return token.serialize();
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("Could not sign a test token", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
