package dev.hauntedhelpdesk.container.dev;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DevModeTest {

    @ParameterizedTest
    @ValueSource(strings = {"AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_RUNTIME_API", "AWS_EXECUTION_ENV",
            "ECS_CONTAINER_METADATA_URI", "ECS_CONTAINER_METADATA_URI_V4"})
    void refuses_whenADeployedRuntimeIsDetected(String marker) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DevMode.refuseDeployedRuntime(Map.of(marker, "x", "PATH", "/bin")));
        assertTrue(e.getMessage().contains(marker), e.getMessage());
    }

    @Test
    void allows_onALaptop() {
        assertDoesNotThrow(() -> DevMode.refuseDeployedRuntime(Map.of("PATH", "/bin", "HOME", "/root")));
    }
}
