package dev.rackside.pvesim.internal.state;

/// The two guest types PVE knows, with the word PVE uses for them in paths, ids and `type` fields.
public enum GuestKind {
    QEMU("qemu"),
    LXC("lxc");

    private final String wire;

    GuestKind(String wire) {
        this.wire = wire;
    }

    /// `qemu` or `lxc`, as in `/nodes/{node}/qemu` and `"type":"qemu"`.
    public String wire() {
        return wire;
    }

    /// The HA resource prefix (`vm:100`, `ct:101`).
    public String haPrefix() {
        return this == QEMU ? "vm" : "ct";
    }
}
