package dev.rackside.pvesim.internal.state;

import java.time.Instant;

/// One cluster node, immutable; [ClusterState] swaps in a new instance on change.
///
/// @param name          `pve1` ...
/// @param nodeid        corosync node id (1..N)
/// @param ip            corosync ring address (never contacted)
/// @param online        corosync membership
/// @param offlineSince  when it left the membership, null while online
/// @param cpuModel      `/proc/cpuinfo` model name
/// @param sockets       CPU sockets
/// @param cores         physical cores in total
/// @param cpus          logical CPUs (threads), PVE's `maxcpu`
/// @param mhz           current clock, reported as a string with three decimals
/// @param memTotal      MemTotal in bytes
/// @param swapTotal     swap in bytes (0 on ZFS installs)
/// @param rootfsTotal   size of `/`, which the `local` dir storage shares
/// @param thinTotal     size of the `local-lvm` thin pool
/// @param kernelRelease `6.17.2-2-pve`
/// @param kernelVersion `#1 SMP PREEMPT_DYNAMIC PMX 6.17.2-2 (...)`
/// @param efi           booted via UEFI
/// @param bootedAt      boot instant (uptime origin)
public record Node(String name, int nodeid, String ip, boolean online, Instant offlineSince,
                   String cpuModel, int sockets, int cores, int cpus, double mhz, long memTotal,
                   long swapTotal, long rootfsTotal, long thinTotal, String kernelRelease,
                   String kernelVersion, boolean efi, Instant bootedAt) {

    /// `node/pve1`.
    public String resourceId() {
        return "node/" + name;
    }

    Node withOnline(boolean nowOnline, Instant now) {
        if (nowOnline == online) {
            return this;
        }
        return new Node(name, nodeid, ip, nowOnline, nowOnline ? null : now, cpuModel, sockets, cores, cpus,
                mhz, memTotal, swapTotal, rootfsTotal, thinTotal, kernelRelease, kernelVersion, efi,
                bootedAt);
    }
}
