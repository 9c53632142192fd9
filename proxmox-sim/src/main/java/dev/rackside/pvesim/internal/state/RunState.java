package dev.rackside.pvesim.internal.state;

/// What a guest's process is doing.
///
/// PVE reports `status` `running` for the last three; the difference shows in QEMU's `qmpstatus`
/// (`running`, `paused`, `suspended`) and in `/cluster/resources`, whose `status` for QEMU is the
/// qmpstatus (pvestatd broadcasts `qmpstatus || status`). A container has no qmpstatus, so a frozen
/// container (PAUSED or SUSPENDED) still reads `running` everywhere, as in PVE.
public enum RunState {
    RUNNING,
    STOPPED,
    PAUSED,
    SUSPENDED;

    /// True when the guest has a process (QEMU or the container's init), i.e. PVE says `running`.
    public boolean hasProcess() {
        return this != STOPPED;
    }

    /// QEMU `qmpstatus` (`query-status`), which PVE falls back to `status` for when stopped.
    public String qmpStatus() {
        return switch (this) {
            case RUNNING -> "running";
            case STOPPED -> "stopped";
            case PAUSED -> "paused";
            case SUSPENDED -> "suspended";
        };
    }
}
