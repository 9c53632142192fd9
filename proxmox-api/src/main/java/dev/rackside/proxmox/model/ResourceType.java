package dev.rackside.proxmox.model;

/// The `type` filter of `GET /cluster/resources`. `VM` selects QEMU and LXC guests.
public enum ResourceType {
    VM("vm"), STORAGE("storage"), NODE("node"), SDN("sdn");

    private final String wire;

    ResourceType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
