package dev.rackside.proxmox.model;

import java.util.List;

/// `GET /nodes/{node}/{qemu|lxc}/{vmid}/status/current`.
///
/// @param status    `running` or `stopped`
/// @param qmpstatus QEMU's own run state (`running`, `paused`, `suspended`, `prelaunch`…); empty for LXC
/// @param haManaged whether the HA stack manages the guest
/// @param haState   HA state when managed (`started`, `stopped`, …), else empty
/// @param agent     whether the QEMU guest agent is enabled in the config
/// @param tags      lower case, sorted
public record GuestStatus(int vmid, String name, String status, String qmpstatus, double cpu, int cpus,
                          long mem, long maxmem, long disk, long maxdisk, long uptime, boolean template,
                          String lock, boolean haManaged, String haState, boolean agent, List<String> tags,
                          long pid) {
    public GuestStatus {
        tags = List.copyOf(tags);
    }

    public boolean running() {
        return "running".equals(status);
    }

    /// A running QEMU guest whose CPUs are paused or suspended to RAM.
    public boolean paused() {
        return "paused".equals(qmpstatus) || "suspended".equals(qmpstatus);
    }
}
