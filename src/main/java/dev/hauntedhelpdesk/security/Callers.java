package dev.hauntedhelpdesk.security;

import io.micronaut.security.authentication.Authentication;

import java.util.HashSet;

/** Turns a validated token's authentication into the domain's {@link Caller}. */
public final class Callers {

    private Callers() {
    }

    public static Caller of(Authentication authentication) {
        Object username = authentication.getAttributes().get("username");
        return new Caller(authentication.getName(),
                username == null ? authentication.getName() : username.toString(),
                new HashSet<>(authentication.getRoles()));
    }
}
