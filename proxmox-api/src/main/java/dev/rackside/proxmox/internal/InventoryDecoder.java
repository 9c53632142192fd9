package dev.rackside.proxmox.internal;

import static dev.rackside.proxmox.internal.Lenient.bool;
import static dev.rackside.proxmox.internal.Lenient.doubleValue;
import static dev.rackside.proxmox.internal.Lenient.intValue;
import static dev.rackside.proxmox.internal.Lenient.longValue;
import static dev.rackside.proxmox.internal.Lenient.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rackside.proxmox.model.ClusterResource;
import dev.rackside.proxmox.model.ClusterStatus;
import dev.rackside.proxmox.model.GuestType;
import dev.rackside.proxmox.model.NodeStatus;
import dev.rackside.proxmox.model.NodeSummary;
import dev.rackside.proxmox.model.PveVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/// Decodes cluster-wide and node answers into model records.
public final class InventoryDecoder {
    private InventoryDecoder() {
    }

    public static PveVersion version(JsonNode d) {
        return new PveVersion(text(d, "version"), text(d, "release"), text(d, "repoid"));
    }

    public static ClusterStatus clusterStatus(JsonNode d) {
        Optional<ClusterStatus.Cluster> cluster = Optional.empty();
        List<ClusterStatus.Member> members = new ArrayList<>();
        for (JsonNode e : d) {
            switch (text(e, "type")) {
                case "cluster" -> cluster = Optional.of(new ClusterStatus.Cluster(text(e, "name"), intValue(e, "nodes"),
                        bool(e, "quorate"), intValue(e, "version")));
                case "node" -> members.add(new ClusterStatus.Member(text(e, "name"), intValue(e, "nodeid"), text(e, "ip"),
                        bool(e, "online"), bool(e, "local"), text(e, "level")));
                default -> { } // newer PVE versions may add entry kinds; they are not membership
            }
        }
        return new ClusterStatus(cluster, members);
    }

    public static List<ClusterResource> resources(JsonNode d) {
        List<ClusterResource> out = new ArrayList<>(d.size());
        for (JsonNode e : d) {
            out.add(resource(e));
        }
        return out;
    }

    static ClusterResource resource(JsonNode e) {
        String id = text(e, "id");
        return switch (text(e, "type")) {
            case "node" -> new ClusterResource.Node(id, text(e, "node"), text(e, "status"), doubleValue(e, "cpu"),
                    intValue(e, "maxcpu"), longValue(e, "mem"), longValue(e, "maxmem"), longValue(e, "disk"),
                    longValue(e, "maxdisk"), longValue(e, "uptime"), text(e, "level"), text(e, "cgroup-mode"));
            case "qemu", "lxc" -> new ClusterResource.Guest(id, GuestType.fromWire(text(e, "type")), intValue(e, "vmid"),
                    text(e, "name"), text(e, "node"), text(e, "status"), bool(e, "template"), doubleValue(e, "cpu"),
                    intValue(e, "maxcpu"), longValue(e, "mem"), longValue(e, "maxmem"), longValue(e, "memhost"),
                    longValue(e, "disk"), longValue(e, "maxdisk"), longValue(e, "netin"), longValue(e, "netout"),
                    longValue(e, "diskread"), longValue(e, "diskwrite"), longValue(e, "uptime"), Lenient.tags(e, "tags"),
                    text(e, "lock"), text(e, "pool"), text(e, "hastate"));
            case "storage" -> new ClusterResource.Storage(id, text(e, "storage"), text(e, "node"), text(e, "status"),
                    text(e, "plugintype"), text(e, "content"), longValue(e, "disk"), longValue(e, "maxdisk"),
                    bool(e, "shared"));
            case "pool" -> new ClusterResource.Pool(id, text(e, "pool"));
            case "sdn" -> new ClusterResource.Sdn(id, text(e, "sdn"), text(e, "node"), text(e, "status"));
            default -> new ClusterResource.Other(id, text(e, "type"));
        };
    }

    public static List<NodeSummary> nodes(JsonNode d) {
        List<NodeSummary> out = new ArrayList<>();
        for (JsonNode e : d) {
            out.add(new NodeSummary(text(e, "node"), text(e, "status"), doubleValue(e, "cpu"), intValue(e, "maxcpu"),
                    longValue(e, "mem"), longValue(e, "maxmem"), longValue(e, "disk"), longValue(e, "maxdisk"),
                    longValue(e, "uptime"), text(e, "level"), text(e, "ssl_fingerprint")));
        }
        return out;
    }

    public static NodeStatus nodeStatus(JsonNode d) {
        JsonNode cpuinfo = Lenient.object(d, "cpuinfo");
        return new NodeStatus(doubleValue(d, "cpu"), doubleValue(d, "wait"), longValue(d, "uptime"),
                Lenient.doubles(d, "loadavg"), memory(Lenient.object(d, "memory"), "used"),
                memory(Lenient.object(d, "swap"), "used"), memory(Lenient.object(d, "rootfs"), "used"),
                new NodeStatus.CpuInfo(text(cpuinfo, "model"), intValue(cpuinfo, "cpus"), intValue(cpuinfo, "cores"),
                        intValue(cpuinfo, "sockets"), doubleValue(cpuinfo, "mhz")),
                text(d, "kversion"), text(d, "pveversion"), text(Lenient.object(d, "boot-info"), "mode"));
    }

    private static NodeStatus.Memory memory(JsonNode m, String usedKey) {
        // rootfs reports "avail" where memory reports "available" (PVE 9): keep the memory meaning only.
        return new NodeStatus.Memory(longValue(m, "total"), longValue(m, usedKey), longValue(m, "free"),
                Lenient.optionalLong(m, "available"));
    }
}
