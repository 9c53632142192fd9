package dev.rackside.proxmox;

import static dev.rackside.proxmox.SimTestSupport.rootToken;
import static dev.rackside.proxmox.SimTestSupport.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rackside.pvesim.SimulatedCluster;
import dev.rackside.pvesim.SimulatorOptions;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/// An unknown certificate is reported with what the operator needs to decide; a pinned one is
/// trusted; a changed one is refused with a distinct error.
class TrustOnFirstUseTest {

    @Test
    void unknownCertificateCarriesItsDetailsThenPinningWorks() throws Exception {
        try (SimulatedCluster pve = SimulatedCluster.start(SimulatorOptions.defaults().withSize(2, 4).fast())) {
            ConnectionSpec spec = spec(pve, rootToken(pve), TrustPolicy.systemCertificateAuthorities());
            try (ProxmoxClient c = ProxmoxClient.connect(spec)) {
                var e = assertThrows(ProxmoxException.UnknownCertificate.class, c::version);
                CertificateInfo cert = e.certificate();
                assertEquals(pve.fingerprint(), cert.sha256Fingerprint());
                assertTrue(cert.subject().contains("OU=PVE Cluster Node"), cert.subject());
                assertTrue(cert.issuer().contains("O=PVE Cluster Manager CA"), cert.issuer());
                assertTrue(cert.isValidAt(Instant.now()));
                assertTrue(cert.subjectAltNames().contains("127.0.0.1"), cert.subjectAltNames().toString());
                assertTrue(e.getMessage().contains(pve.fingerprint()));
            }
            // The operator compared the fingerprint and trusts it.
            try (ProxmoxClient c = ProxmoxClient.connect(spec.withTrust(TrustPolicy.pinned(e(pve))))) {
                assertEquals(9, c.version().major());
                // PVE publishes the same fingerprint in /nodes: a second way to cross-check the pin.
                var local = c.nodes().list().stream().filter(n -> n.node().equals(pve.localNode())).findFirst().orElseThrow();
                assertEquals(pve.fingerprint(), local.sslFingerprint());
            }
        }
    }

    @Test
    void changedCertificateIsRefusedLoudly() {
        String pinned;
        try (SimulatedCluster first = SimulatedCluster.start(SimulatorOptions.defaults().withSize(1, 2).fast())) {
            pinned = first.fingerprint();
        }
        try (SimulatedCluster second = SimulatedCluster.start(SimulatorOptions.defaults().withSize(1, 2).fast())) {
            assertNotEquals(pinned, second.fingerprint());
            try (ProxmoxClient c = ProxmoxClient.connect(spec(second, rootToken(second), TrustPolicy.pinned(pinned)))) {
                var e = assertThrows(ProxmoxException.CertificateChanged.class, c::version);
                assertEquals(pinned, e.pinnedFingerprint());
                assertEquals(second.fingerprint(), e.presented().sha256Fingerprint());
                assertTrue(e.getMessage().contains("CHANGED"));
            }
            assertTrue(second.requests().isEmpty(), "nothing, not even the token, was sent to the impostor");
        }
    }

    private static String e(SimulatedCluster pve) {
        return pve.fingerprint().toLowerCase(); // operators paste fingerprints in any case
    }
}
