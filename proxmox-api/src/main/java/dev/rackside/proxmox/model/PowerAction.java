package dev.rackside.proxmox.model;

/// A guest power action: `POST /nodes/{node}/{qemu|lxc}/{vmid}/status/{action}`, answered with a UPID.
public enum PowerAction {
    START("start", false), SHUTDOWN("shutdown", true), STOP("stop", true),
    REBOOT("reboot", true), SUSPEND("suspend", false), RESUME("resume", false);

    private final String wire;
    private final boolean destructive;

    PowerAction(String wire, boolean destructive) {
        this.wire = wire;
        this.destructive = destructive;
    }

    public String wire() {
        return wire;
    }

    /// Whether the action interrupts a running workload, so a UI should ask before doing it.
    public boolean destructive() {
        return destructive;
    }
}
