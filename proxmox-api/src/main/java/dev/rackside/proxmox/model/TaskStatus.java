package dev.rackside.proxmox.model;

/// `GET /nodes/{node}/tasks/{upid}/status`.
///
/// @param status     `running` or `stopped`
/// @param exitstatus `OK`, `WARNINGS: n`, or the error text; empty while running
public record TaskStatus(Upid upid, String status, String exitstatus) {

    public boolean running() {
        return "running".equals(status);
    }

    /// PVE counts `OK` and `WARNINGS: n` as success, anything else as failure.
    public boolean succeeded() {
        return !running() && ("OK".equals(exitstatus) || exitstatus.startsWith("WARNINGS"));
    }

    public boolean failed() {
        return !running() && !succeeded();
    }
}
