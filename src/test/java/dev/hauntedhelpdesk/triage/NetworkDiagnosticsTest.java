package dev.hauntedhelpdesk.triage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The network tool takes targets from ticket text, so it must refuse anything internal. */
class NetworkDiagnosticsTest {

    private final NetworkDiagnostics tool = new NetworkDiagnostics(Duration.ofMillis(500));

    @Test
    void targets_areHostsAndPortsNamedInTheText_atMostThree_withoutFileNames() {
        Map<String, Integer> targets = NetworkDiagnostics.targets("VPN to vpn.example.com:443 fails, see "
                + "error.log and report.pdf; mail.example.org:587 ok; www.example.net; api.example.io:8443");

        assertEquals(Map.of("vpn.example.com", 443, "mail.example.org", 587, "www.example.net", 443), targets);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.5", "192.168.1.1", "169.254.169.254", "100.64.0.1",
            "0.0.0.0", "224.0.0.1", "::1", "fd00::1", "fe80::1"})
    void isPublic_refusesLoopbackPrivateLinkLocalSharedAndMulticast(String address) throws UnknownHostException {
        assertFalse(NetworkDiagnostics.isPublic(InetAddress.getByName(address)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "52.94.236.248", "2600:1f18::1"})
    void isPublic_acceptsGlobalUnicast(String address) throws UnknownHostException {
        assertTrue(NetworkDiagnostics.isPublic(InetAddress.getByName(address)));
    }

    @Test
    void diagnose_neverProbesAnInternalAddress_namedInATicket() {
        List<ToolFinding> findings = tool.diagnose("The metadata service 169.254.169.254:80 and 127.0.0.1:22 "
                + "and 10.0.0.8:443 are down");

        assertEquals(3, findings.size(), findings::toString);
        findings.forEach(f -> {
            assertEquals("dns_resolve", f.tool());
            assertFalse(f.ok());
            assertTrue(f.detail().contains("non-public"), f::toString);
        });
    }

    @Test
    void probe_refusesPortsOutsideTheServiceList() {
        List<ToolFinding> findings = tool.probe("www.example.com", 6379);

        assertEquals(List.of(new ToolFinding("tcp_connect", "www.example.com:6379", false,
                "port not allowed for diagnostics")), findings);
    }
}
