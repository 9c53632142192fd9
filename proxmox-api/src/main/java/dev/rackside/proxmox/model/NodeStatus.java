package dev.rackside.proxmox.model;

import java.util.List;
import java.util.OptionalLong;

/// `GET /nodes/{node}/status`.
///
/// @param cpu        fraction of all CPUs in use, 0..1
/// @param ioWait     IO wait fraction (PVE: `wait`)
/// @param loadavg    1, 5 and 15 minute load averages
/// @param pveversion `pve-manager/9.1.3/…`
/// @param bootMode   `efi` or `legacy-bios`, empty when PVE did not say (before 8.x)
public record NodeStatus(double cpu, double ioWait, long uptime, List<Double> loadavg, Memory memory, Memory swap,
                         Memory rootfs, CpuInfo cpuinfo, String kversion, String pveversion, String bootMode) {
    public NodeStatus {
        loadavg = List.copyOf(loadavg);
    }

    /// @param available memory available to new processes: PVE 9 only
    public record Memory(long total, long used, long free, OptionalLong available) {
    }

    public record CpuInfo(String model, int cpus, int cores, int sockets, double mhz) {
    }
}
