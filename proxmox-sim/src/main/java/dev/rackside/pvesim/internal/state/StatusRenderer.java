package dev.rackside.pvesim.internal.state;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Locale;

/// `GET /nodes/{node}/status`, `…/status/current` and the per-node guest lists, following
/// pve-manager `Nodes.pm`, qemu-server `vmstatus` and pve-container `vmstatus` as of PVE 9.1.3.
final class StatusRenderer {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    // the day PVE 9.1 (QEMU 10.1) came out; guests started before it still run QEMU 10.0
    private static final Instant QEMU_10_1 = Instant.parse("2025-11-19T00:00:00Z");

    private StatusRenderer() {
    }

    static ObjectNode nodeStatus(Frame f, Node n) {
        Frame.requireOnline(n);
        NodeMetrics m = f.nodeMetrics(n);
        ObjectNode o = JSON.objectNode();
        o.put("uptime", m.uptime()).put("idle", 0);
        ArrayNode load = o.putArray("loadavg");
        for (double l : m.loadavg()) {
            // /proc/loadavg is passed through as text
            load.add(String.format(Locale.ROOT, "%.2f", l));
        }
        o.put("kversion", "Linux " + n.kernelRelease() + " " + n.kernelVersion());
        o.putObject("current-kernel").put("sysname", "Linux").put("release", n.kernelRelease())
                .put("version", n.kernelVersion()).put("machine", "x86_64");
        ObjectNode boot = o.putObject("boot-info").put("mode", n.efi() ? "efi" : "legacy-bios");
        if (n.efi()) {
            boot.put("secureboot", n.nodeid() % 3 == 0 ? 1 : 0);
        }
        o.putObject("cpuinfo").put("user_hz", 100).put("model", n.cpuModel())
                .put("mhz", String.format(Locale.ROOT, "%.3f", n.mhz())).put("cpus", n.cpus())
                .put("sockets", n.sockets()).put("cores", n.cores()).put("flags", NodeFactory.cpuFlags(n.cpuModel()))
                .put("hvm", "1");
        o.put("cpu", m.cpu()).put("wait", m.ioWait());
        o.putObject("memory").put("free", m.memFree()).put("total", n.memTotal())
                .put("available", m.memAvailable()).put("used", m.memUsed());
        o.putObject("ksm").put("shared", m.ksmShared());
        o.putObject("swap").put("free", n.swapTotal() - m.swapUsed()).put("total", n.swapTotal())
                .put("used", m.swapUsed());
        o.put("pveversion", "pve-manager/" + ClusterState.VERSION + "/" + ClusterState.REPOID);
        long avail = n.rootfsTotal() - m.rootUsed();
        o.putObject("rootfs").put("total", n.rootfsTotal()).put("avail", avail).put("used", m.rootUsed())
                .put("free", avail);
        return o;
    }

    static ObjectNode guestStatus(Frame f, Guest g) {
        GuestMetrics m = f.liveMetrics(g);
        ObjectNode o = g.type() == GuestKind.QEMU ? qemu(f, g, m, true) : lxc(f, g, m);
        ObjectNode ha = o.putObject("ha").put("managed", g.haManaged() ? 1 : 0);
        if (g.haManaged()) {
            ha.put("state", g.haState());
        }
        if (g.type() == GuestKind.QEMU && g.spec().agent()) {
            o.put("agent", 1);
        }
        return o;
    }

    static ArrayNode guestList(Frame f, Node n, GuestKind kind, boolean full, Visibility v) {
        Frame.requireOnline(n);
        ArrayNode out = JSON.arrayNode();
        for (Guest g : f.snap.guestsByNode().get(n.name())) {
            if (g.type() != kind || !v.canSee("/vms/" + g.vmid(), "VM.Audit")) {
                continue;
            }
            GuestMetrics m = f.liveMetrics(g);
            out.add(kind == GuestKind.QEMU ? qemu(f, g, m, full) : lxc(f, g, m));
        }
        return out;
    }

    /// qemu-server `vmstatus($vmid, $full)`.
    private static ObjectNode qemu(Frame f, Guest g, GuestMetrics m, boolean full) {
        Node n = f.snap.nodeByName().get(g.node());
        ObjectNode o = JSON.objectNode().put("vmid", g.vmid());
        boolean running = m.running();
        if (running) {
            o.put("pid", pid(f.seed, g));
        }
        o.put("status", running ? "running" : "stopped");
        o.put("disk", 0).put("maxdisk", m.maxdisk()); // qemu-server has no usage figure for VM disks
        o.put("cpus", Math.min(g.spec().cpus(), n.cpus())).put("name", g.name()).put("maxmem", m.maxmem());
        o.put("uptime", m.uptime()).put("cpu", m.cpu());
        // without the balloon query (non-full lists) mem is the cgroup usage, like memhost
        boolean balloon = full && running && GuestMetrics.hasBalloonDriver(g);
        o.put("mem", balloon ? m.mem() : m.memhost()).put("memhost", m.memhost());
        o.put("netout", m.netout()).put("netin", m.netin());
        if (g.template()) {
            o.put("template", 1);
        }
        if (g.spec().serial()) {
            o.put("serial", 1);
        }
        if (g.lock() != null) {
            o.put("lock", g.lock());
        }
        if (g.tagString() != null) {
            o.put("tags", g.tagString());
        }
        if (running) {
            putPressure(o, m, true);
        }
        if (!full) {
            return o;
        }
        if (running) {
            QemuRuntime.put(o, f, g, m, n, balloon, g.startedAt().isBefore(QEMU_10_1));
        }
        o.put("qmpstatus", g.runState().qmpStatus());
        return o;
    }

    /// pve-container `vmstatus`.
    private static ObjectNode lxc(Frame f, Guest g, GuestMetrics m) {
        Node n = f.snap.nodeByName().get(g.node());
        ObjectNode o = JSON.objectNode().put("type", "lxc").put("vmid", g.vmid());
        if (m.running()) {
            o.put("pid", pid(f.seed, g));
        }
        o.put("status", m.running() ? "running" : "stopped").put("name", g.name());
        o.put("cpus", g.spec().cores() > 0 ? g.spec().cores() : n.cpus());
        if (g.tagString() != null) {
            o.put("tags", g.tagString());
        }
        long swap = m.running() ? Math.min(g.spec().swapMiB() * 1024L * 1024, m.mem() / 25) / 4096 * 4096 : 0;
        o.put("disk", m.disk()).put("maxdisk", m.maxdisk()).put("mem", m.mem()).put("swap", swap)
                .put("maxmem", m.maxmem()).put("maxswap", g.spec().swapMiB() * 1024L * 1024)
                .put("uptime", m.uptime()).put("cpu", m.cpu()).put("netout", m.netout()).put("netin", m.netin())
                .put("diskread", m.diskread()).put("diskwrite", m.diskwrite());
        if (g.template()) {
            o.put("template", 1);
        }
        if (g.lock() != null) {
            o.put("lock", g.lock());
        }
        if (m.running()) {
            // pve-container reads all six PSI values, cpu "full" included, though its schema omits it
            putPressure(o, m, true);
        }
        return o;
    }

    private static void putPressure(ObjectNode o, GuestMetrics m, boolean cpuFull) {
        double[] p = m.pressure();
        o.put("pressurecpusome", p[0]);
        if (cpuFull) {
            o.put("pressurecpufull", p[1]);
        }
        o.put("pressureiosome", p[2]).put("pressureiofull", p[3]).put("pressurememorysome", p[4])
                .put("pressurememoryfull", p[5]);
    }

    /// A PID that stays the same for one run of the guest and changes on restart.
    static long pid(long seed, Guest g) {
        return 2_000 + Math.floorMod(Mix.hash(seed, g.vmid(), g.startedAt().getEpochSecond()), 3_900_000L);
    }
}
