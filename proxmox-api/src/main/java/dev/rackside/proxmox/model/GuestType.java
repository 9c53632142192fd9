package dev.rackside.proxmox.model;

import java.util.Locale;

/// QEMU virtual machine or LXC container; the path segment PVE uses for each.
public enum GuestType {
    QEMU("qemu"), LXC("lxc");

    private final String wire;

    GuestType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static GuestType fromWire(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "qemu" -> QEMU;
            case "lxc" -> LXC;
            default -> throw new IllegalArgumentException("not a guest type: " + value);
        };
    }
}
