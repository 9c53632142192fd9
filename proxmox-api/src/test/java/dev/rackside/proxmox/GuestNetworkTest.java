package dev.rackside.proxmox;

import static dev.rackside.proxmox.SimTestSupport.client;
import static dev.rackside.proxmox.SimTestSupport.rootToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rackside.proxmox.model.GuestInterface;
import dev.rackside.proxmox.model.GuestType;
import dev.rackside.pvesim.SimulatedCluster;
import dev.rackside.pvesim.SimulatorOptions;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/// Guest addresses from the QEMU guest agent and from containers, with PVE's refusals.
class GuestNetworkTest {
    private static SimulatedCluster pve;
    private static ProxmoxClient c;

    @BeforeAll
    static void start() {
        pve = SimulatedCluster.start(SimulatorOptions.defaults().withSize(2, 30).fast());
        c = client(pve, rootToken(pve));
    }

    @AfterAll
    static void stop() {
        c.close();
        pve.close();
    }

    private static List<String> reachable(List<GuestInterface> nics) {
        return nics.stream().flatMap(n -> n.addresses().stream()).filter(a -> !a.local()).map(GuestInterface.Address::address).toList();
    }

    @Test
    void runningContainerReportsItsAddresses() throws Exception {
        var ct = SimTestSupport.guest(c, g -> g.guestType() == GuestType.LXC && g.running());
        List<GuestInterface> nics = c.guests().interfaces(ct.ref());
        GuestInterface eth0 = nics.stream().filter(n -> n.name().equals("eth0")).findFirst().orElseThrow();
        assertTrue(eth0.mac().matches("[0-9a-f:]{17}"), eth0.mac());
        assertTrue(eth0.addresses().stream().anyMatch(a -> !a.ipv6() && a.prefix() == 24));
        assertTrue(eth0.addresses().stream().anyMatch(GuestInterface.Address::ipv6));
        assertEquals(2, reachable(nics).size(), "lo is not a way to reach the guest: " + nics);
    }

    @Test
    void stoppedContainerHasNone() throws Exception {
        var ct = SimTestSupport.guest(c, g -> g.guestType() == GuestType.LXC && !g.running());
        assertTrue(c.guests().interfaces(ct.ref()).isEmpty());
    }

    @Test
    void vmWithAgentReportsAddressesAndWithoutOneFailsWithPvesReason() throws Exception {
        boolean sawAgent = false;
        boolean sawRefusal = false;
        for (var r : c.cluster().resources()) {
            if (!(r instanceof dev.rackside.proxmox.model.ClusterResource.Guest g) || g.guestType() != GuestType.QEMU || g.template()) {
                continue;
            }
            boolean agent = c.guests().config(g.ref()).get("agent").map(a -> a.startsWith("1")).orElse(false);
            if (g.running() && agent && !sawAgent) {
                assertFalse(reachable(c.guests().interfaces(g.ref())).isEmpty());
                sawAgent = true;
            } else if (!g.running() && !sawRefusal) {
                var e = assertThrows(ProxmoxException.OperationFailed.class, () -> c.guests().interfaces(g.ref()));
                assertTrue(e.getMessage().equals("VM " + g.vmid() + " is not running")
                        || e.getMessage().equals("No QEMU guest agent configured"), e.getMessage());
                sawRefusal = true;
            }
        }
        assertTrue(sawAgent && sawRefusal, "the inventory has a running VM with an agent and a stopped VM");
    }
}
