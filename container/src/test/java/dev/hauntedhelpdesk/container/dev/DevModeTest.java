package dev.hauntedhelpdesk.container.dev;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    @Test
    void preflight_refusesInOneLine_namingWhatToInstall_whenMotoServerIsNotOnPath(@TempDir Path empty) {
        DevModeRefusedException e = assertThrows(DevModeRefusedException.class,
                () -> DevMode.preflight(Map.of("PATH", empty + ":" + empty.resolve("missing"))));

        assertTrue(e.getMessage().contains("pip install 'moto[server]'"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void preflight_refusesADeployedRuntime_beforeLookingForMotoServer(@TempDir Path empty) {
        DevModeRefusedException e = assertThrows(DevModeRefusedException.class,
                () -> DevMode.preflight(Map.of("PATH", empty.toString(), "AWS_LAMBDA_FUNCTION_NAME", "api")));

        assertTrue(e.getMessage().startsWith("Dev mode refuses to start in a deployed runtime"), e.getMessage());
    }

    @Test
    void preflight_findsTheFirstExecutableMotoServerOnPath(@TempDir Path dir) throws Exception {
        Path notExecutable = Files.createDirectories(dir.resolve("a")).resolve(DevMotoServer.COMMAND);
        Files.writeString(notExecutable, "#!/bin/sh\n");
        Path executable = Files.createDirectories(dir.resolve("b")).resolve(DevMotoServer.COMMAND);
        Files.writeString(executable, "#!/bin/sh\n");
        Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertEquals(executable, DevMode.preflight(Map.of("PATH", dir.resolve("a") + ":" + dir.resolve("b"))));
    }
}
