package dev.rackside.pvesim.internal.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rackside.pvesim.SimClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {

    private static final List<String> SHARED = List.of("cpu", "mem", "maxmem", "uptime", "netin", "netout",
            "diskread", "diskwrite", "maxdisk", "disk");

    @Test
    void resourcesAndStatusAgreeAtOneInstant() {
        SimClock clock = Fixtures.clock();
        ClusterState s = Fixtures.small(clock);
        JsonNode rows = s.clusterResources("vm", Visibility.all());
        int checked = 0;
        for (Guest g : s.guests()) {
            JsonNode row = Fixtures.row(rows, g.resourceId());
            JsonNode status = s.guestStatus(g);
            for (String key : SHARED) {
                if (status.has(key)) {
                    assertEquals(row.get(key).asText(), status.get(key).asText(), g.resourceId() + " " + key);
                }
            }
            if (g.type() == GuestKind.QEMU) {
                assertEquals(row.get("memhost").asText(), status.get("memhost").asText(), g.resourceId());
            }
            assertEquals(row.get("name").asText(), status.get("name").asText());
            checked++;
        }
        assertEquals(60, checked);
        Guest lxc = Fixtures.first(s, g -> g.type() == GuestKind.LXC && Fixtures.running(g));
        JsonNode listed = find(s.guestList(lxc.node(), GuestKind.LXC), lxc.vmid());
        assertEquals(s.guestStatus(lxc).get("cpu").asText(), listed.get("cpu").asText());
    }

    @Test
    void metricsMoveWithTheClockAndCountersOnlyGrow() {
        SimClock clock = Fixtures.clock();
        ClusterState s = Fixtures.small(clock);
        Guest g = Fixtures.first(s, Fixtures::running);
        JsonNode before = s.guestStatus(g);
        long[] last = counters(before);
        boolean cpuMoved = false;
        for (int i = 0; i < 30; i++) {
            clock.advance(Duration.ofSeconds(20));
            JsonNode now = s.guestStatus(g);
            long[] c = counters(now);
            for (int k = 0; k < c.length; k++) {
                assertTrue(c[k] >= last[k], "counter " + k + " went back at step " + i);
            }
            assertTrue(c[0] > last[0], "netin grows while running");
            last = c;
            cpuMoved |= !now.get("cpu").equals(before.get("cpu"));
        }
        assertTrue(cpuMoved);
        JsonNode after = s.guestStatus(g);
        assertEquals(before.get("uptime").asLong() + 600, after.get("uptime").asLong());
        JsonNode node = s.nodeStatus(g.node());
        clock.advance(Duration.ofSeconds(30));
        assertNotEquals(node.get("cpu"), s.nodeStatus(g.node()).get("cpu"));
        assertEquals(node.get("uptime").asLong() + 30, s.nodeStatus(g.node()).get("uptime").asLong());
    }

    @Test
    void stoppedGuestsReportZeros() {
        ClusterState s = Fixtures.small(Fixtures.clock());
        Guest g = Fixtures.first(s, x -> x.type() == GuestKind.QEMU && x.runState() == RunState.STOPPED);
        JsonNode row = Fixtures.row(s.clusterResources("vm", Visibility.all()), g.resourceId());
        for (String key : List.of("cpu", "mem", "uptime", "netin", "netout", "diskread", "diskwrite", "disk",
                "memhost")) {
            assertEquals(0, row.get(key).asDouble(), key);
        }
        assertEquals("stopped", row.get("status").asText());
        JsonNode status = s.guestStatus(g);
        assertEquals("stopped", status.get("qmpstatus").asText());
        assertFalse(status.has("pid"));
        assertFalse(status.has("running-qemu"));
        assertFalse(status.has("pressurecpusome"));
        assertEquals(0, status.get("uptime").asLong());
    }

    @Test
    void startRestartsUptimeAndCountersAndPauseFreezesThem() {
        SimClock clock = Fixtures.clock();
        ClusterState s = Fixtures.small(clock);
        Guest g = Fixtures.first(s, Fixtures::running);
        s.setRunState(g.vmid(), RunState.STOPPED);
        assertEquals(0, s.guestStatus(g).get("netin").asLong());
        clock.advance(Duration.ofMinutes(3));
        s.setRunState(g.vmid(), RunState.RUNNING);
        assertEquals(0, s.guestStatus(g).get("uptime").asLong());
        clock.advance(Duration.ofSeconds(100));
        JsonNode running = s.guestStatus(g);
        assertEquals(100, running.get("uptime").asLong());
        assertTrue(running.get("netin").asLong() > 0);

        s.setRunState(g.vmid(), RunState.PAUSED);
        JsonNode paused = s.guestStatus(g);
        clock.advance(Duration.ofSeconds(50));
        JsonNode later = s.guestStatus(g);
        assertEquals(paused.get("netin"), later.get("netin"));
        assertEquals(150, later.get("uptime").asLong());
        assertEquals(0, later.get("cpu").asDouble());
        assertEquals("running", later.get("status").asText());
        if (g.type() == GuestKind.QEMU) {
            assertEquals("paused", later.get("qmpstatus").asText());
            assertEquals("paused", Fixtures.row(s.clusterResources("vm", Visibility.all()), g.resourceId())
                    .get("status").asText());
        }
        s.setRunState(g.vmid(), RunState.RUNNING);
        clock.advance(Duration.ofSeconds(10));
        assertTrue(s.guestStatus(g).get("netin").asLong() > later.get("netin").asLong());
    }

    @Test
    void nodeLoadFollowsItsGuests() {
        ClusterState s = ClusterState.generate(2, 80, 5L, Fixtures.clock());
        JsonNode before = s.nodeStatus("pve1");
        for (Guest g : s.guests()) {
            if (g.node().equals("pve1") && g.runState().hasProcess()) {
                s.setRunState(g.vmid(), RunState.STOPPED);
            }
        }
        JsonNode after = s.nodeStatus("pve1");
        assertTrue(after.get("memory").get("used").asLong() < before.get("memory").get("used").asLong());
        assertTrue(after.get("cpu").asDouble() < before.get("cpu").asDouble());
    }

    private static long[] counters(JsonNode status) {
        return new long[] {status.get("netin").asLong(), status.get("netout").asLong(),
            status.get("diskread").asLong(), status.get("diskwrite").asLong()};
    }

    private static JsonNode find(JsonNode rows, int vmid) {
        for (JsonNode r : rows) {
            if (r.get("vmid").asInt() == vmid) {
                return r;
            }
        }
        throw new AssertionError("vmid " + vmid + " not listed");
    }
}
