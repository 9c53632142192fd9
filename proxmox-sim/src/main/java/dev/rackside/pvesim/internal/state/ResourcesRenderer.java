package dev.rackside.pvesim.internal.state;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/// `GET /cluster/resources`, `/cluster/status` and `/nodes`, following pve-manager 9.1.3
/// (`PVE/API2/Cluster.pm` resources, `PVE/API2Tools.pm` extract_*_stats, `PVE/API2/Nodes.pm`).
final class ResourcesRenderer {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Set<String> FILTERS = Set.of("vm", "storage", "node", "sdn");
    static final String[] POOLS = {"lab", "prod", "staging"};

    private ResourcesRenderer() {
    }

    static ArrayNode clusterResources(Frame f, String type, Visibility v) {
        if (type != null && !FILTERS.contains(type)) {
            throw new IllegalArgumentException("value '" + type
                    + "' does not have a value in the enumeration 'vm, storage, node, sdn'");
        }
        ArrayNode out = JSON.arrayNode();
        // pool rows come first and are filled while walking the guests, as in pve-manager
        Map<String, ObjectNode> pools = new LinkedHashMap<>();
        if (type == null) {
            for (String p : POOLS) {
                if (v.canSee("/pool/" + p, "Pool.Audit")) {
                    ObjectNode row = out.addObject().put("id", "/pool/" + p).put("pool", p).put("type", "pool");
                    pools.put(p, row);
                }
            }
        }
        if (type == null || type.equals("vm")) {
            for (int i : f.snap.resourceOrder()) {
                Guest g = f.snap.guests().get(i);
                ObjectNode row = guestRow(f, g);
                ObjectNode pool = g.pool() == null ? null : pools.get(g.pool());
                if (pool != null) {
                    addToPool(pool, row);
                }
                if (!v.canSee("/vms/" + g.vmid(), "VM.Audit")) {
                    continue;
                }
                if (g.lock() != null) {
                    row.put("lock", g.lock());
                }
                if (g.tagString() != null) {
                    row.put("tags", g.tagString());
                }
                if (g.pool() != null && v.canSee("/pool/" + g.pool(), "Pool.Audit")) {
                    row.put("pool", g.pool());
                }
                if (g.haState() != null) {
                    row.put("hastate", g.haState());
                }
                out.add(row);
            }
        }
        if (type == null || type.equals("node")) {
            for (Node n : f.snap.nodes()) {
                ObjectNode row = nodeRow(f, n, !v.canSee("/nodes/" + n.name(), "Sys.Audit"));
                row.put("cgroup-mode", 2);
                out.add(row);
            }
        }
        if (type == null || type.equals("storage")) {
            for (StorageDef s : StorageDef.ALL) {
                if (!v.canSee("/storage/" + s.id(), "Datastore.Audit")) {
                    continue;
                }
                for (Node n : f.snap.nodes()) {
                    out.add(storageRow(f, s, n));
                }
            }
        }
        // 9.1 nodes broadcast the new "network" key-value entry, so pve-manager skips their legacy
        // "sdn" rows (type=sdn is empty without SDN zones) and adds one "localnetwork" zone per
        // node as a "network" row, only when no type filter is given (the enum lacks "network").
        if (type == null && v.canSee("/sdn/zones/localnetwork", "SDN.Audit")) {
            for (Node n : f.snap.nodes()) {
                out.addObject().put("id", "network/" + n.name() + "/zone/localnetwork").put("type", "network")
                        .put("network-type", "zone").put("network", "localnetwork").put("node", n.name())
                        .put("status", "ok");
            }
        }
        return out;
    }

    private static ObjectNode guestRow(Frame f, Guest g) {
        ObjectNode row = JSON.objectNode().put("id", g.resourceId()).put("vmid", g.vmid()).put("node", g.node())
                .put("type", g.type().wire());
        GuestMetrics m = f.rrdMetrics(g);
        if (m == null) {
            return row.put("status", "unknown");
        }
        Node n = f.snap.nodeByName().get(g.node());
        // pvestatd reports qmpstatus for QEMU, so a paused VM is "paused" here, not "running"
        String status = g.type() == GuestKind.QEMU ? g.runState().qmpStatus()
                : (g.runState().hasProcess() ? "running" : "stopped");
        return row.put("uptime", m.uptime()).put("name", g.name()).put("status", status)
                .put("template", g.template() ? 1 : 0).put("maxcpu", Math.min(g.spec().cpus(), n.cpus()))
                .put("cpu", m.cpu()).put("maxmem", m.maxmem()).put("mem", m.mem()).put("maxdisk", m.maxdisk())
                .put("disk", m.disk()).put("netin", m.netin()).put("netout", m.netout())
                .put("diskread", m.diskread()).put("diskwrite", m.diskwrite())
                // every pve-vm-9.0 RRD row yields memhost; containers and stopped VMs send none, so 0
                .put("memhost", g.type() == GuestKind.QEMU ? m.memhost() : 0);
    }

    private static void addToPool(ObjectNode pool, ObjectNode guest) {
        long uptime = guest.path("uptime").asLong();
        if (uptime == 0) {
            return;
        }
        if (uptime > pool.path("uptime").asLong()) {
            pool.put("uptime", uptime);
        }
        pool.put("mem", pool.path("mem").asLong() + guest.path("mem").asLong());
        pool.put("maxmem", pool.path("maxmem").asLong() + guest.path("maxmem").asLong());
        double cpu = pool.path("cpu").asDouble();
        double maxcpu = pool.path("maxcpu").asDouble();
        double gmax = guest.path("maxcpu").asDouble();
        pool.put("cpu", (cpu * maxcpu + guest.path("cpu").asDouble() * gmax) / (maxcpu + gmax));
        pool.put("maxcpu", (long) (maxcpu + gmax));
    }

    /// `extract_node_stats`: stats only while online, max* and level while pmxcfs has an RRD entry.
    static ObjectNode nodeRow(Frame f, Node n, boolean stripStats) {
        ObjectNode row = JSON.objectNode().put("id", n.resourceId()).put("node", n.name()).put("type", "node")
                .put("status", n.online() ? "online" : "offline");
        NodeMetrics m = f.nodeMetrics(n);
        if (m == null) {
            return row;
        }
        if (n.online() && !stripStats) {
            row.put("uptime", m.uptime()).put("cpu", m.cpu()).put("mem", m.memUsed()).put("disk", m.rootUsed());
        }
        row.put("level", "");
        if (!stripStats) {
            row.put("maxcpu", n.cpus()).put("maxmem", n.memTotal()).put("maxdisk", n.rootfsTotal());
        }
        return row;
    }

    private static ObjectNode storageRow(Frame f, StorageDef s, Node n) {
        ObjectNode row = JSON.objectNode().put("id", "storage/" + n.name() + "/" + s.id()).put("storage", s.id())
                .put("node", n.name()).put("type", "storage").put("plugintype", s.plugintype())
                .put("status", "unknown").put("shared", s.shared() ? 1 : 0).put("content", s.content());
        NodeMetrics m = f.nodeMetrics(n);
        if (m == null) {
            return row;
        }
        long[] size = StorageSizes.of(f, s, n, m);
        return row.put("maxdisk", size[0]).put("disk", size[1]).put("status", "available");
    }

    static ArrayNode clusterStatus(Frame f, String clusterName, String localNode) {
        ArrayNode out = JSON.arrayNode();
        int online = 0;
        for (Node n : f.snap.nodes()) {
            online += n.online() ? 1 : 0;
        }
        int count = f.snap.nodes().size();
        // corosync's config_version goes up by one for every node joined after the first
        out.addObject().put("id", "cluster").put("type", "cluster").put("name", clusterName).put("nodes", count)
                .put("quorate", online * 2 > count ? 1 : 0).put("version", Math.max(1, count));
        for (Node n : f.snap.nodes()) {
            out.addObject().put("id", n.resourceId()).put("type", "node").put("name", n.name())
                    .put("nodeid", n.nodeid()).put("ip", n.ip()).put("online", n.online() ? 1 : 0)
                    .put("local", n.name().equals(localNode) ? 1 : 0).put("level", "");
        }
        return out;
    }

    static ArrayNode nodes(Frame f, Function<String, String> fingerprintOf, Visibility v) {
        ArrayNode out = JSON.arrayNode();
        for (Node n : f.snap.nodes()) {
            ObjectNode row = nodeRow(f, n, !v.canSee("/nodes/" + n.name(), "Sys.Audit"));
            // the certificate lives in pmxcfs, so offline nodes have a fingerprint too
            String fp = fingerprintOf.apply(n.name());
            if (fp != null) {
                row.put("ssl_fingerprint", fp);
            }
            out.add(row);
        }
        return out;
    }
}
