package dev.rackside.proxmox;

import static dev.rackside.proxmox.SimTestSupport.client;
import static dev.rackside.proxmox.SimTestSupport.rootToken;
import static dev.rackside.proxmox.SimTestSupport.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rackside.proxmox.model.GuestRef;
import dev.rackside.proxmox.model.GuestType;
import dev.rackside.proxmox.model.PowerAction;
import dev.rackside.proxmox.model.Upid;
import dev.rackside.pvesim.SimulatedCluster;
import dev.rackside.pvesim.SimulatorOptions;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/// Each kind of failure a real cluster produces arrives as its own typed error.
class ErrorKindsTest {
    private static SimulatedCluster pve;
    private static ProxmoxClient root;

    @BeforeAll
    static void start() {
        pve = SimulatedCluster.start(SimulatorOptions.defaults().withSize(3, 20).fast());
        root = client(pve, rootToken(pve));
    }

    @AfterAll
    static void stop() {
        root.close();
        pve.close();
    }

    @Test
    void permissionDeniedForAPrivilegeSeparatedReadOnlyToken() throws Exception {
        pve.addUser("monitor@pve", "x");
        pve.grant("/", "monitor@pve", "PVEAuditor");
        String secret = pve.addToken("monitor@pve", "ro", true);
        pve.grant("/", "monitor@pve!ro", "PVEAuditor");
        var vm = SimTestSupport.guest(root, g -> g.guestType() == GuestType.QEMU);
        try (ProxmoxClient ro = client(pve, new Credentials.ApiToken("monitor@pve", "ro", Secret.of(secret)))) {
            assertTrue(ro.cluster().resources().size() > 0, "auditors may read");
            var e = assertThrows(ProxmoxException.PermissionDenied.class, () -> ro.guests().power(vm.ref(), PowerAction.STOP));
            assertEquals("/vms/" + vm.vmid(), e.path());
            assertEquals("VM.PowerMgmt", e.privilege());
        }
    }

    @Test
    void tokenWithoutAclSeesNodesOnly() throws Exception {
        pve.addUser("nobody@pve", "x");
        String secret = pve.addToken("nobody@pve", "empty", true);
        try (ProxmoxClient c = client(pve, new Credentials.ApiToken("nobody@pve", "empty", Secret.of(secret)))) {
            var rows = c.cluster().resources();
            assertEquals(3, rows.size(), "PVE always lists the nodes, and nothing else without privileges");
            var e = assertThrows(ProxmoxException.PermissionDenied.class, () -> c.nodes().status(pve.localNode()));
            assertEquals("Sys.Audit", e.privilege());
        }
    }

    @Test
    void missingGuestIsNotFound() {
        assertThrows(ProxmoxException.NotFound.class, () -> root.guests().status(GuestRef.qemu(pve.localNode(), 987654)));
    }

    @Test
    void unknownTaskIsAParameterError() {
        Upid ghost = Upid.parse("UPID:" + pve.localNode() + ":00001234:00000010:65000000:qmstart:100:root@pam:");
        var e = assertThrows(ProxmoxException.InvalidParameters.class, () -> root.tasks().status(ghost));
        assertEquals("no such task", e.errors().get("upid"));
    }

    @Test
    void offlineNodeIsUnreachable() throws Exception {
        String other = pve.nodeNames().getLast();
        pve.setNodeOnline(other, false);
        try {
            var e = assertThrows(ProxmoxException.NodeUnreachable.class, () -> root.nodes().status(other));
            assertEquals(595, e.status());
            var row = root.nodes().list().stream().filter(n -> n.node().equals(other)).findFirst().orElseThrow();
            assertEquals("offline", row.status());
        } finally {
            pve.setNodeOnline(other, true);
        }
        assertTrue(root.nodes().status(other).uptime() >= 0);
    }

    @Test
    void slowAnswerIsATimeout() {
        // PVE (and the simulator) delay a failed authentication; a short read timeout expires first.
        try (SimulatedCluster slow = SimulatedCluster.start(SimulatorOptions.defaults().withSize(1, 1))) {
            var bad = new Credentials.ApiToken("root@pam", "rackside", Secret.of("wrong"));
            var s = spec(slow, bad, TrustPolicy.pinned(slow.fingerprint())).withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300));
            try (ProxmoxClient c = ProxmoxClient.connect(s)) {
                assertThrows(ProxmoxException.Timeout.class, c::version);
            }
        }
    }

    @Test
    void nothingListeningIsUnreachableAfterRetries() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        var s = spec(pve, rootToken(pve), TrustPolicy.pinned(pve.fingerprint())).withPort(port);
        try (ProxmoxClient c = ProxmoxClient.builder(s).retries(3, Duration.ofMillis(10)).build()) {
            var e = assertThrows(ProxmoxException.NodeUnreachable.class, c::version);
            assertEquals(0, e.status());
            assertTrue(e.getMessage().contains("cannot connect"), e.getMessage());
        }
    }
}
