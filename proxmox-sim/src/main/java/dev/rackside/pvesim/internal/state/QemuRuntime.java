package dev.rackside.pvesim.internal.state;

import com.fasterxml.jackson.databind.node.ObjectNode;

/// The part of a running VM's status that qemu-server gets over QMP (`vmstatus` with `full`):
/// block statistics, NIC counters, machine and QEMU version, `query-proxmox-support`, balloon.
/// QMP's own JSON booleans (`account_failed: true`) pass through unchanged, as in PVE.
final class QemuRuntime {

    private QemuRuntime() {
    }

    static void put(ObjectNode o, Frame f, Guest g, GuestMetrics m, Node n, boolean balloon, boolean oldQemu) {
        o.put("diskread", m.diskread()).put("diskwrite", m.diskwrite());
        ObjectNode blockstat = o.putObject("blockstat");
        putBlockstat(blockstat.putObject("scsi0"), f.seed, g, m.diskread(), m.diskwrite(), m.uptime());
        putBlockstat(blockstat.putObject("ide2"), f.seed, g, 0, 0, m.uptime());
        o.putObject("nics").putObject("tap" + g.vmid() + "i0").put("netout", m.netout()).put("netin", m.netin());

        String qemu = oldQemu ? "10.0.2" : "10.1.2";
        String machineVersion = oldQemu ? "10.0" : "10.1";
        if (g.spec().uefi()) {
            // Windows VMs get their machine version pinned at creation (see ConfigRenderer)
            String[] v = g.spec().creationQemu().split("\\.");
            machineVersion = v[0] + "." + v[1];
        }
        o.put("running-machine", (g.spec().uefi() ? "pc-q35-" : "pc-i440fx-") + machineVersion + "+pve0");
        o.put("running-qemu", qemu);
        o.putObject("proxmox-support").put("pbs-dirty-bitmap", true).put("query-bitmap-info", true)
                .put("pbs-dirty-bitmap-savevm", true).put("pbs-masterkey", true)
                .put("pbs-dirty-bitmap-migration", true).put("backup-max-workers", true)
                .put("backup-fleecing", true).put("pbs-library-version", "2.0.1 (UNKNOWN)");

        if (balloon) {
            long max = m.maxmem();
            o.put("maxmem", max).put("balloon", max).put("freemem", m.freemem());
            long faults = Math.max(1, m.uptime()) * (20 + g.vmid() % 50);
            o.putObject("ballooninfo").put("actual", max).put("max_mem", max).put("total_mem", m.balloonTotal())
                    .put("free_mem", m.freemem()).put("mem_swapped_in", 0).put("mem_swapped_out", 0)
                    .put("major_page_faults", faults / 2000).put("minor_page_faults", faults)
                    // the guest's balloon driver refreshes its statistics every few seconds
                    .put("last_update", f.now.getEpochSecond() - Math.floorMod(g.vmid(), 5));
        }
    }

    private static void putBlockstat(ObjectNode b, long seed, Guest g, long read, long written, long uptime) {
        long rdOps = read / 32_768;
        long wrOps = written / 12_288;
        long flushOps = wrOps / 9;
        b.put("rd_bytes", read).put("wr_bytes", written).put("rd_operations", rdOps).put("wr_operations", wrOps)
                .put("flush_operations", flushOps).put("rd_total_time_ns", rdOps * 410_000)
                .put("wr_total_time_ns", wrOps * 380_000).put("flush_total_time_ns", flushOps * 450_000)
                .put("rd_merged", 0).put("wr_merged", 0).put("failed_rd_operations", 0)
                .put("failed_wr_operations", 0).put("failed_flush_operations", 0)
                .put("failed_unmap_operations", 0).put("invalid_rd_operations", 0)
                .put("invalid_wr_operations", 0).put("invalid_flush_operations", 0)
                .put("invalid_unmap_operations", 0).put("unmap_operations", wrOps / 300)
                .put("unmap_bytes", written / 4).put("unmap_total_time_ns", wrOps * 90)
                .put("unmap_merged", 0).put("idle_time_ns", 1_000_000L * (1 + Math.floorMod(
                        Mix.hash(seed, g.vmid(), uptime / 10), 9_000L)))
                .put("wr_highest_offset", Math.min(g.spec().diskBytes(), written / 3) / 512 * 512)
                .put("account_invalid", true).put("account_failed", true);
        b.putArray("timed_stats");
    }
}
