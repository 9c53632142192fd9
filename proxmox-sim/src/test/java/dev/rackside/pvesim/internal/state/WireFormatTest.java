package dev.rackside.pvesim.internal.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/// The typing quirks of real PVE (API-NOTES §1): 0/1 integers for booleans, some numbers as
/// strings, keys omitted instead of null.
class WireFormatTest {

    // QMP answers pass through qemu-server untouched, with real JSON booleans
    private static final Set<String> QMP_OBJECTS = Set.of("blockstat", "proxmox-support");
    // `agent` is left out: a number in status/current, but the property string "1" in the config;
    // `shared` is checked on storage rows only (ksm.shared is a byte count)
    private static final Set<String> BOOLEAN_KEYS = Set.of("template", "online", "local", "quorate", "serial",
            "managed", "secureboot", "unprivileged", "onboot");

    private static List<JsonNode> allOutputs(ClusterState s) {
        List<JsonNode> out = new ArrayList<>(List.of(s.clusterResources(null, Visibility.all()), s.clusterStatus(),
                s.nodes(n -> "AA:BB", Visibility.all()), s.version()));
        for (Node n : s.nodes()) {
            out.add(s.nodeStatus(n.name()));
            out.add(s.guestList(n.name(), GuestKind.QEMU, true, Visibility.all()));
            out.add(s.guestList(n.name(), GuestKind.LXC));
        }
        for (Guest g : s.guests()) {
            out.add(s.guestStatus(g));
            out.add(s.guestConfig(g));
        }
        return out;
    }

    private static void walk(JsonNode node, String path, List<String> problems) {
        if (node.isNull()) {
            problems.add(path + " is null");
        } else if (node.isBoolean()) {
            problems.add(path + " is a JSON boolean");
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (QMP_OBJECTS.contains(e.getKey())) {
                    continue;
                }
                JsonNode v = e.getValue();
                boolean flag = BOOLEAN_KEYS.contains(e.getKey())
                        || (e.getKey().equals("shared") && node.path("type").asText().equals("storage"));
                if (flag && !(v.isInt() && (v.asInt() == 0 || v.asInt() == 1))) {
                    problems.add(path + "." + e.getKey() + " is not 0/1: " + v);
                }
                walk(v, path + "." + e.getKey(), problems);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", problems);
            }
        }
    }

    @Test
    void noNullsAndBooleansAreZeroOrOne() {
        ClusterState s = Fixtures.small(Fixtures.clock());
        List<String> problems = new ArrayList<>();
        int i = 0;
        for (JsonNode out : allOutputs(s)) {
            walk(out, "out" + i++, problems);
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void numbersThatPveSendsAsStrings() {
        ClusterState s = Fixtures.small(Fixtures.clock());
        JsonNode status = s.nodeStatus("pve1");
        assertEquals(3, status.get("loadavg").size());
        status.get("loadavg").forEach(l -> assertTrue(l.isTextual() && l.asText().matches("\\d+\\.\\d\\d"), l.toString()));
        assertTrue(status.at("/cpuinfo/mhz").asText().matches("\\d+\\.\\d{3}"));
        assertEquals("1", status.at("/cpuinfo/hvm").textValue());
        assertTrue(status.get("pveversion").asText().matches("pve-manager/9\\.1\\.3/[0-9a-f]{16}"));
        assertTrue(status.at("/memory/available").isIntegralNumber());

        Guest vm = Fixtures.first(s, g -> g.type() == GuestKind.QEMU);
        JsonNode qemu = s.guestConfig(vm);
        assertEquals(Integer.toString(vm.spec().memoryMiB()), qemu.get("memory").textValue());
        assertTrue(qemu.get("cores").isInt());
        if (vm.spec().agent()) {
            assertEquals("1", qemu.get("agent").textValue());
        }
        assertTrue(qemu.get("digest").asText().matches("[0-9a-f]{40}"));
        assertTrue(qemu.get("net0").asText().matches("virtio=BC:24:11:[0-9A-F:]{8},bridge=vmbr0,firewall=1"));
        assertTrue(qemu.get("scsi0").asText().matches("(local-lvm|ceph-vm):(vm|base)-" + vm.vmid()
                + "-disk-0,iothread=1,size=\\d+G"));
        assertTrue(qemu.get("meta").asText().matches("creation-qemu=[\\d.]+,ctime=\\d+"));

        Guest ct = Fixtures.first(s, g -> g.type() == GuestKind.LXC);
        JsonNode lxc = s.guestConfig(ct);
        assertTrue(lxc.get("memory").isInt());
        assertEquals(1, lxc.get("unprivileged").asInt());
        assertTrue(lxc.get("rootfs").asText().endsWith("-disk-0,size=" + ct.spec().diskGiB() + "G"));
        assertFalse(lxc.get("digest").asText().equals(qemu.get("digest").asText()));
    }

    @Test
    void tagsAreLowerCaseSortedAndSemicolonSeparated() {
        ClusterState s = ClusterState.generate(3, 200, 9L, Fixtures.clock());
        int tagged = 0;
        for (JsonNode r : s.clusterResources("vm", Visibility.all())) {
            if (!r.has("tags")) {
                continue;
            }
            tagged++;
            String tags = r.get("tags").asText();
            assertTrue(tags.matches("[a-z0-9_][a-z0-9_\\-+.]*(;[a-z0-9_][a-z0-9_\\-+.]*)*"), tags);
            List<String> list = List.of(tags.split(";"));
            assertEquals(list.stream().sorted().distinct().toList(), list, tags);
        }
        assertTrue(tagged > 100);
    }

    @Test
    void idsAndFiltersFollowPve() {
        ClusterState s = Fixtures.small(Fixtures.clock());
        JsonNode rows = s.clusterResources(null, Visibility.all());
        Set<String> types = new java.util.TreeSet<>();
        for (JsonNode r : rows) {
            String type = r.get("type").asText();
            types.add(type);
            String id = r.get("id").asText();
            switch (type) {
                case "qemu", "lxc" -> assertEquals(type + "/" + r.get("vmid").asInt(), id);
                case "node" -> assertEquals("node/" + r.get("node").asText(), id);
                case "storage" -> assertEquals("storage/" + r.get("node").asText() + "/" + r.get("storage").asText(), id);
                case "pool" -> assertEquals("/pool/" + r.get("pool").asText(), id);
                case "network" -> assertEquals("network/" + r.get("node").asText() + "/zone/localnetwork", id);
                default -> throw new AssertionError(type);
            }
        }
        assertEquals(Set.of("lxc", "network", "node", "pool", "qemu", "storage"), types);
        for (JsonNode r : s.clusterResources("vm", Visibility.all())) {
            assertTrue(Set.of("qemu", "lxc").contains(r.get("type").asText()));
        }
        assertEquals(4, s.clusterResources("node", Visibility.all()).size());
        assertThrows(IllegalArgumentException.class, () -> s.clusterResources("pool", Visibility.all()));
        JsonNode version = s.version();
        assertEquals("9.1.3", version.get("version").asText());
        assertEquals("9.1", version.get("release").asText());
        assertTrue(version.get("repoid").asText().matches("[0-9a-f]{8,64}"));
    }

    @Test
    void templatesAreStoppedWithTemplateFlag() {
        ClusterState s = ClusterState.generate(2, 100, 3L, Fixtures.clock());
        Guest t = Fixtures.first(s, Guest::template);
        JsonNode row = Fixtures.row(s.clusterResources("vm", Visibility.all()), t.resourceId());
        assertEquals(1, row.get("template").asInt());
        assertEquals("stopped", row.get("status").asText());
        assertEquals(1, s.guestStatus(t).get("template").asInt());
        assertEquals(1, s.guestConfig(t).get("template").asInt());
        assertThrows(IllegalStateException.class, () -> s.setRunState(t.vmid(), RunState.RUNNING));
        Guest plain = Fixtures.first(s, g -> !g.template());
        assertFalse(s.guestStatus(plain).has("template"), "status/current omits template unless set");
    }
}
