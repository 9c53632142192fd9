package dev.rackside.pvesim.internal.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GenerationTest {

    private static String everything(ClusterState s) {
        StringBuilder b = new StringBuilder();
        b.append(s.clusterResources(null, Visibility.all())).append(s.clusterStatus())
                .append(s.nodes(n -> "fp-" + n, Visibility.all())).append(s.nodeStatus("pve2"));
        for (Guest g : s.guests()) {
            b.append(s.guestStatus(g)).append(s.guestConfig(g));
        }
        return b.toString();
    }

    @Test
    void sameSeedSameCluster() {
        String a = everything(ClusterState.generate(4, 60, 42L, Fixtures.clock()));
        String b = everything(ClusterState.generate(4, 60, 42L, Fixtures.clock()));
        String c = everything(ClusterState.generate(4, 60, 43L, Fixtures.clock()));
        assertEquals(a, b);
        assertNotEquals(a, c);
    }

    @Test
    void clusterLooksLikeARealEstate() {
        ClusterState s = ClusterState.generate(8, 400, 7L, Fixtures.clock());
        assertEquals("rackside-demo", s.clusterName());
        assertEquals("pve1", s.localNode());
        assertEquals(List.of("pve1", "pve2", "pve3"), s.nodes().stream().limit(3).map(Node::name).toList());
        assertEquals("10.10.0.11", s.nodes().getFirst().ip());
        for (Node n : s.nodes()) {
            assertTrue(n.cores() >= 8 && n.cores() <= 128, n.toString());
            assertTrue(n.memTotal() > 60L << 30 && n.memTotal() <= 1024L << 30, n.toString());
        }
        Collection<Guest> guests = s.guests();
        assertEquals(400, guests.size());
        assertEquals(100, guests.iterator().next().vmid());
        long qemu = guests.stream().filter(g -> g.type() == GuestKind.QEMU).count();
        assertTrue(qemu > 260 && qemu < 340, "about 75 % QEMU: " + qemu);
        long running = guests.stream().filter(g -> g.runState() == RunState.RUNNING).count();
        assertTrue(running > 240 && running < 320, "about 70 % running: " + running);
        List<Guest> templates = guests.stream().filter(Guest::template).toList();
        assertTrue(!templates.isEmpty());
        templates.forEach(t -> assertEquals(RunState.STOPPED, t.runState()));
        long locked = guests.stream().filter(g -> "backup".equals(g.lock())).count();
        assertTrue(locked >= 1 && locked <= 2, "locks: " + locked);
        assertTrue(guests.stream().anyMatch(Guest::haManaged));
        Set<String> pools = guests.stream().map(Guest::pool).filter(p -> p != null).collect(Collectors.toSet());
        assertEquals(Set.of("prod", "staging", "lab"), pools);
        Set<String> nodesUsed = guests.stream().map(Guest::node).collect(Collectors.toSet());
        assertEquals(8, nodesUsed.size(), "guests spread over all nodes");
        for (Guest g : guests) {
            assertTrue(g.tags().size() <= 3 || g.template());
            assertTrue(g.name().matches("[a-z0-9][a-z0-9.-]*"), g.name());
            if (!g.runState().hasProcess()) {
                assertNull(g.startedAt());
            }
        }
    }

    @Test
    void scalesTo64NodesAnd5000Guests() {
        long t0 = System.nanoTime();
        ClusterState s = ClusterState.generate(64, 5000, 1L, InstantSource.system());
        long genMs = (System.nanoTime() - t0) / 1_000_000;
        // generous bound: a cold JVM on a shared CI runner; the target is < 300 ms
        assertTrue(genMs < 3_000, "generate took " + genMs + " ms");

        List<Long> times = new ArrayList<>();
        ArrayNode rows = null;
        for (int i = 0; i < 15; i++) {
            long r0 = System.nanoTime();
            rows = s.clusterResources(null, Visibility.all());
            times.add((System.nanoTime() - r0) / 1_000_000);
        }
        long best = times.stream().mapToLong(Long::longValue).min().orElseThrow();
        assertTrue(best < 50, "warm /cluster/resources render took " + times + " ms");
        // 5000 guests + 64 nodes + 4 x 64 storages + 3 pools + 64 localnetwork zones
        assertEquals(5000 + 64 + 256 + 3 + 64, rows.size());
    }
}
