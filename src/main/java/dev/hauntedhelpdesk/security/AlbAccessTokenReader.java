package dev.hauntedhelpdesk.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Behind an ALB with Cognito authentication, the user's access token arrives in
 * {@code x-amzn-oidc-accesstoken}; it is validated exactly like a bearer token. The ALB's
 * {@code x-amzn-oidc-identity} and {@code x-amzn-oidc-data} headers are never trusted on their own.
 */
@Singleton
class AlbAccessTokenReader implements TokenReader<HttpRequest<?>> {

    static final String HEADER = "x-amzn-oidc-accesstoken";

    @Override
    public Optional<String> findToken(HttpRequest<?> request) {
        return Optional.ofNullable(request.getHeaders().get(HEADER)).map(String::trim).filter(t -> !t.isEmpty());
    }

    @Override
    public int getOrder() {
        // After the Authorization header, which wins when both are present.
        return 100;
    }
}
