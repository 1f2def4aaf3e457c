package dev.hauntedhelpdesk.security;

import java.util.Set;

/**
 * Who is making a request: the token's subject and the Cognito groups it carries. Any signed-in
 * user is a requester; {@code agents} work all tickets; {@code admins} may also delete.
 */
public record Caller(String id, String username, Set<String> groups) {

    public static final String AGENTS = "agents";
    public static final String ADMINS = "admins";

    public Caller {
        groups = Set.copyOf(groups);
    }

    public boolean isAgent() {
        return groups.contains(AGENTS) || groups.contains(ADMINS);
    }

    public boolean isAdmin() {
        return groups.contains(ADMINS);
    }
}
