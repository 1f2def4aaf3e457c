package dev.hauntedhelpdesk.bench;

import java.util.Map;

/** One function under test: its deployment, the handler Lambda is told to load, and its own variables. */
record Subject(String name, Deployment deployment, String handler, Map<String, String> environment) {
}
