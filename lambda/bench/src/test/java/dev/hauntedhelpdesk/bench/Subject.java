package dev.hauntedhelpdesk.bench;

import java.util.Map;

/**
 * One function under test: its deployment, the handler Lambda is told to load, its own variables,
 * what it is sent ({@link Workload}); {@code checksToken} for those that verify the access token
 * (they must fetch the key set on every cold start), not for the reference functions, which only
 * read the item, nor for the triage function, which gets no token.
 */
record Subject(String name, Deployment deployment, String handler, Map<String, String> environment,
               boolean checksToken, Workload workload) {
}
