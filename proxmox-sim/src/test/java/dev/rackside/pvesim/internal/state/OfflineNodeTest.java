package dev.rackside.pvesim.internal.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rackside.pvesim.SimClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfflineNodeTest {

    private static List<String> keys(JsonNode row) {
        List<String> k = new ArrayList<>();
        row.fieldNames().forEachRemaining(k::add);
        k.sort(null);
        return k;
    }

    @Test
    void freshlyLostNodeKeepsItsLastStatsForFiveMinutes() {
        SimClock clock = Fixtures.clock();
        ClusterState s = Fixtures.small(clock);
        Guest g = Fixtures.first(s, x -> x.node().equals("pve2") && Fixtures.running(x));
        JsonNode lastSeen = Fixtures.row(s.clusterResources("vm", Visibility.all()), g.resourceId());
        s.setNodeOnline("pve2", false);
        clock.advance(Duration.ofSeconds(200));

        JsonNode rows = s.clusterResources(null, Visibility.all());
        JsonNode node = Fixtures.row(rows, "node/pve2");
        assertEquals("offline", node.get("status").asText());
        assertEquals(List.of("cgroup-mode", "id", "level", "maxcpu", "maxdisk", "maxmem", "node", "status", "type"),
                keys(node));
        JsonNode guest = Fixtures.row(rows, g.resourceId());
        assertEquals(lastSeen.get("uptime"), guest.get("uptime"), "stale RRD values, frozen");
        assertEquals(lastSeen.get("netin"), guest.get("netin"));
        assertEquals("available", Fixtures.row(rows, "storage/pve2/local").get("status").asText());
    }

    @Test
    void afterFiveMinutesGuestsAndStoragesAreUnknown() {
        SimClock clock = Fixtures.clock();
        ClusterState s = Fixtures.small(clock);
        Guest g = Fixtures.first(s, x -> x.node().equals("pve2") && Fixtures.running(x));
        s.setNodeOnline("pve2", false);
        clock.advance(Duration.ofMinutes(6));

        JsonNode rows = s.clusterResources(null, Visibility.all());
        assertEquals(List.of("cgroup-mode", "id", "node", "status", "type"),
                keys(Fixtures.row(rows, "node/pve2")));
        JsonNode guest = Fixtures.row(rows, g.resourceId());
        assertEquals("unknown", guest.get("status").asText());
        for (String absent : List.of("name", "cpu", "mem", "uptime", "maxmem", "template", "netin")) {
            assertFalse(guest.has(absent), absent);
        }
        assertEquals(g.vmid(), guest.get("vmid").asInt());
        JsonNode storage = Fixtures.row(rows, "storage/pve2/local-lvm");
        assertEquals("unknown", storage.get("status").asText());
        assertFalse(storage.has("disk"));
        assertEquals("available", Fixtures.row(rows, "storage/pve1/local-lvm").get("status").asText());
        // the network zone row is configuration, not a measurement
        assertEquals("ok", Fixtures.row(rows, "network/pve2/zone/localnetwork").get("status").asText());
    }

    @Test
    void clusterStatusAndNodesListShowTheOfflineNode() {
        SimClock clock = Fixtures.clock();
        ClusterState s = Fixtures.small(clock);
        s.setNodeOnline("pve3", false);
        s.setNodeOnline("pve4", false);
        clock.advance(Duration.ofMinutes(10));
        JsonNode status = s.clusterStatus();
        assertEquals(0, Fixtures.row(status, "cluster").get("quorate").asInt(), "2 of 4 is no majority");
        assertEquals(0, Fixtures.row(status, "node/pve3").get("online").asInt());
        assertEquals("10.10.0.13", Fixtures.row(status, "node/pve3").get("ip").asText());
        JsonNode nodes = s.nodes(n -> "FP:" + n, Visibility.all());
        JsonNode pve3 = Fixtures.row(nodes, "node/pve3");
        assertEquals(List.of("id", "node", "ssl_fingerprint", "status", "type"), keys(pve3));
        assertEquals("FP:pve3", pve3.get("ssl_fingerprint").asText());
        assertTrue(Fixtures.row(nodes, "node/pve1").has("uptime"));
    }

    @Test
    void proxiedEndpointsRefuseAnOfflineNodeAndRecover() {
        SimClock clock = Fixtures.clock();
        ClusterState s = Fixtures.small(clock);
        Guest g = Fixtures.first(s, x -> x.node().equals("pve2") && Fixtures.running(x));
        s.setNodeOnline("pve2", false);
        assertThrows(IllegalStateException.class, () -> s.nodeStatus("pve2"));
        assertThrows(IllegalStateException.class, () -> s.guestStatus(g));
        assertThrows(IllegalStateException.class, () -> s.guestList("pve2", GuestKind.QEMU));
        assertThrows(IllegalStateException.class, () -> s.setRunState(g.vmid(), RunState.STOPPED));
        s.setNodeOnline("pve2", true);
        clock.advance(Duration.ofMinutes(10));
        assertEquals("running", s.guestStatus(g).get("status").asText());
        assertEquals("online", Fixtures.row(s.clusterResources("node", Visibility.all()), "node/pve2")
                .get("status").asText());
    }
}
