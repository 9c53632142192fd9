package dev.rackside.proxmox.model;

import java.util.Objects;

/// Where a guest lives: enough to address every per-guest endpoint.
public record GuestRef(String node, GuestType type, int vmid) {
    public GuestRef {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(type, "type");
        if (vmid < 100 || vmid > 999_999_999) {
            throw new IllegalArgumentException("VMID out of range (100-999999999): " + vmid);
        }
    }

    public static GuestRef qemu(String node, int vmid) {
        return new GuestRef(node, GuestType.QEMU, vmid);
    }

    public static GuestRef lxc(String node, int vmid) {
        return new GuestRef(node, GuestType.LXC, vmid);
    }

    /// `/nodes/{node}/{qemu|lxc}/{vmid}`
    public String apiPath() {
        return "/nodes/" + node + "/" + type.wire() + "/" + vmid;
    }
}
