package dev.rackside.proxmox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rackside.proxmox.TrustPolicy;
import dev.rackside.proxmox.model.ClusterResource;
import dev.rackside.proxmox.model.GuestStatus;
import dev.rackside.proxmox.model.NodeStatus;
import dev.rackside.proxmox.model.RrdSeries;
import dev.rackside.proxmox.model.TaskLog;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/// Every response captured from a real PVE host (src/test/resources/fixtures, provenance in each
/// `.source.txt`) decodes into the typed model with the values it really holds.
class RealResponsesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Consumer<JsonNode>> cases = Map.ofEntries(
            Map.entry("gop_cluster_resources", this::clusterResources),
            Map.entry("gop_cluster_status", this::clusterStatus),
            Map.entry("gop_nodes", this::nodes),
            Map.entry("gop_pve74_node_status", this::nodeStatus),
            Map.entry("gop_pve80_qemu_status_current", this::qemuStatus),
            Map.entry("gop_task_log_imgcopy", this::taskLog),
            Map.entry("gop_pve80_qemu_rrddata_stopped", d -> stoppedGuestRrd(RrdDecoder.series(d))),
            Map.entry("pulse_pve8_guest_rrddata", d -> guestRrd(RrdDecoder.series(d), false)),
            Map.entry("pulse_pve9_qemu_rrddata", d -> assertFalse(RrdDecoder.series(d).samples().isEmpty())),
            Map.entry("pulse_pve9_lxc_rrddata", d -> guestRrd(RrdDecoder.series(d), false)),
            Map.entry("pulse_pve8_node_rrddata", d -> nodeRrd(RrdDecoder.series(d), false)),
            Map.entry("pulse_pve9_node_rrddata", d -> nodeRrd(RrdDecoder.series(d), true)));

    @Test
    void everyFixtureHasACaseAndDecodes() throws Exception {
        Set<String> present;
        try (Stream<Path> files = Files.list(fixtures())) {
            present = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - 5)).collect(Collectors.toSet());
        }
        assertEquals(cases.keySet(), present, "each real fixture needs a decoding case, and each case its fixture");
        for (String name : present) {
            assertTrue(Files.exists(fixtures().resolve(name + ".source.txt")), name + " lacks its provenance file");
            cases.get(name).accept(data(name));
        }
    }

    private void clusterResources(JsonNode d) {
        List<ClusterResource> all = InventoryDecoder.resources(d);
        assertEquals(d.size(), all.size());
        var guests = all.stream().filter(r -> r instanceof ClusterResource.Guest).map(r -> (ClusterResource.Guest) r).toList();
        var vm100 = guests.stream().filter(g -> g.vmid() == 100).findFirst().orElseThrow();
        assertEquals("server1", vm100.name());
        assertEquals(1073741824L, vm100.maxmem());
        assertTrue(vm100.running());
        assertFalse(vm100.template());
        assertTrue(guests.stream().filter(g -> g.vmid() == 101).findFirst().orElseThrow().template(), "template:1 is true");
        assertEquals(List.of("go-proxmox+cloud-init"),
                guests.stream().filter(g -> g.vmid() == 102).findFirst().orElseThrow().tags());
        assertTrue(all.stream().anyMatch(r -> r instanceof ClusterResource.Node n && n.online()));
        assertTrue(all.stream().anyMatch(r -> r instanceof ClusterResource.Storage));
    }

    private void clusterStatus(JsonNode d) {
        var s = InventoryDecoder.clusterStatus(d);
        assertEquals("clustername", s.cluster().orElseThrow().name());
        assertTrue(s.quorate());
        assertEquals(4, s.nodes().size());
        assertEquals("node1", s.nodes().stream().filter(m -> m.local()).findFirst().orElseThrow().name());
    }

    private void nodes(JsonNode d) {
        var nodes = InventoryDecoder.nodes(d);
        assertEquals(d.size(), nodes.size());
        var node1 = nodes.stream().filter(n -> n.node().equals("node1")).findFirst().orElseThrow();
        assertEquals(12, node1.maxcpu());
        // The fingerprint PVE publishes must be usable as a pin as it is.
        assertTrue(new TrustPolicy.PinnedCertificate(node1.sslFingerprint()).matches(node1.sslFingerprint().toLowerCase()));
    }

    private void nodeStatus(JsonNode d) {
        NodeStatus s = InventoryDecoder.nodeStatus(d);
        assertEquals(3400.0, s.cpuinfo().mhz(), 0.001, "mhz arrives as the string \"3400.000\"");
        assertEquals(3, s.loadavg().size());
        assertTrue(s.loadavg().stream().allMatch(v -> v >= 0), "load averages arrive as strings");
        assertTrue(s.memory().total() > 0);
        assertTrue(s.memory().available().isEmpty(), "PVE 7.4 has no memory.available");
        assertTrue(s.pveversion().startsWith("pve-manager/7.4"));
    }

    private void qemuStatus(JsonNode d) {
        GuestStatus s = GuestDecoder.status(101, d);
        assertTrue(s.running());
        assertTrue(s.agent(), "agent:1");
        assertFalse(s.haManaged(), "ha.managed:0");
        assertEquals(8, s.cpus());
        assertEquals(2097152000L, s.maxmem());
    }

    private void taskLog(JsonNode d) {
        TaskLog log = TaskDecoder.log(d, d.size());
        assertEquals(7, log.lines().size());
        assertEquals("TASK OK", log.lines().getLast().text());
        assertEquals(7, log.nextStart(0));
    }

    private static void stoppedGuestRrd(RrdSeries s) {
        assertFalse(s.samples().isEmpty());
        // A stopped guest's rows hold only the configured maxima: no cpu, no mem.
        assertTrue(s.samples().stream().allMatch(x -> x.value("cpu").isEmpty() && x.value("maxmem").isPresent()));
    }

    private static void guestRrd(RrdSeries s, boolean ignored) {
        assertFalse(s.samples().isEmpty());
        assertTrue(s.samples().stream().anyMatch(x -> x.guestMemoryUsed().isPresent()));
        assertTrue(isOrdered(s));
    }

    private static void nodeRrd(RrdSeries s, boolean pve9) {
        assertFalse(s.samples().isEmpty());
        assertEquals(pve9, s.samples().stream().anyMatch(x -> x.value("memavailable").isPresent()));
        // On both versions the console can show available memory (PVE 8: total - used).
        assertTrue(s.samples().stream().anyMatch(x -> x.nodeMemoryAvailable().isPresent()));
        assertTrue(isOrdered(s));
    }

    private static boolean isOrdered(RrdSeries s) {
        for (int i = 1; i < s.samples().size(); i++) {
            if (s.samples().get(i).time().isBefore(s.samples().get(i - 1).time())) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode data(String name) {
        try (InputStream in = Files.newInputStream(fixtures().resolve(name + ".json"))) {
            return JSON.readTree(in).get("data");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Path fixtures() {
        try {
            return Path.of(RealResponsesTest.class.getResource("/fixtures").toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }
}
