package dev.hauntedhelpdesk.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A user pool of the benchmark's own: an RSA key it generates, its JWKS served on loopback under
 * the pool's path, and access tokens shaped like Cognito's (issuer of the real form, so both
 * subjects check {@code iss} exactly as in production while fetching keys from here).
 */
final class CognitoKeys implements AutoCloseable {

    static final String REGION = "us-east-1";
    static final String POOL_ID = REGION + "_BenchPool1";
    static final String CLIENT_ID = "benchappclient0123456789ab";

    private final RSAKey key;
    private final HttpServer server;
    private final AtomicInteger fetches = new AtomicInteger();

    private CognitoKeys(RSAKey key, HttpServer server) {
        this.key = key;
        this.server = server;
    }

    static CognitoKeys start() throws IOException, JOSEException {
        RSAKey key = new RSAKeyGenerator(2048).keyID("bench-" + UUID.randomUUID())
                .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        CognitoKeys keys = new CognitoKeys(key, server);
        byte[] body = new JWKSet(key.toPublicJWK()).toString(true).getBytes(StandardCharsets.UTF_8);
        server.createContext("/" + POOL_ID + "/.well-known/jwks.json", exchange -> {
            keys.fetches.incrementAndGet();
            try (exchange) {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
        return keys;
    }

    String issuer() {
        return "https://cognito-idp." + REGION + ".amazonaws.com/" + POOL_ID;
    }

    String jwksUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + POOL_ID + "/.well-known/jwks.json";
    }

    /** How many times the key set was fetched: each cold start must fetch it (the check happens for real). */
    int fetches() {
        return fetches.get();
    }

    /** An access token for {@code sub}, valid for {@code lifetime}, in no staff group. */
    String accessToken(String sub, String username, Duration lifetime) throws JOSEException {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(sub)
                .issuer(issuer())
                .claim("client_id", CLIENT_ID)
                .claim("token_use", "access")
                .claim("scope", "aws.cognito.signin.user.admin")
                .claim("cognito:groups", List.of("requesters"))
                .claim("auth_time", now.getEpochSecond())
                .claim("origin_jti", UUID.randomUUID().toString())
                .claim("event_id", UUID.randomUUID().toString())
                .claim("username", username)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
