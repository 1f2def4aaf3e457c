package dev.hauntedhelpdesk.lambda;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.function.aws.proxy.security.MicronautLambdaAuthenticationFetcher;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * Replaces the proxy's fetcher, which would accept a bare {@code x-amzn-oidc-identity} header as a
 * signed-in user. In this service only a validated Cognito token authenticates, in Lambda as in
 * the container.
 */
@Singleton
@Replaces(MicronautLambdaAuthenticationFetcher.class)
class NoHeaderAuthentication implements AuthenticationFetcher<HttpRequest<?>> {

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        return Publishers.empty();
    }
}
