package dev.hauntedhelpdesk.security;

import com.nimbusds.jose.jwk.KeyType;
import dev.hauntedhelpdesk.config.HelpdeskSettings;
import io.micronaut.security.token.jwt.signature.jwks.JwksSignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * Points token signature checks at the user pool's JWKS. Built from the validated settings (rather
 * than YAML) because the URL defaults to one derived from the pool id and region, and may be
 * overridden apart from the issuer to validate real-shaped tokens against an emulator.
 */
@Singleton
@Named("cognito")
class CognitoJwksConfiguration implements JwksSignatureConfiguration {

    private final String url;

    CognitoJwksConfiguration(HelpdeskSettings settings) {
        this.url = settings.cognito().jwksUrl().toString();
    }

    @Override
    public String getName() {
        return "cognito";
    }

    @Override
    public String getUrl() {
        return url;
    }

    @Override
    public KeyType getKeyType() {
        return KeyType.RSA;
    }

    @Override
    public Integer getCacheExpiration() {
        return 300;
    }
}
