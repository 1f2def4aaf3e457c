package dev.hauntedhelpdesk.contract;

import java.util.Map;

/** Starts a runtime with the given application properties. */
@FunctionalInterface
public interface RuntimeUnderTest {

    ServerUnderTest start(Map<String, Object> properties);
}
