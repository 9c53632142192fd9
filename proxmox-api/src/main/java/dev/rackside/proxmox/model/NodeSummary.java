package dev.rackside.proxmox.model;

/// One row of `GET /nodes`.
///
/// @param status         `online`, `offline` or `unknown`
/// @param sslFingerprint SHA-256 of the node's pveproxy certificate, empty for offline nodes
public record NodeSummary(String node, String status, double cpu, int maxcpu, long mem, long maxmem,
                          long disk, long maxdisk, long uptime, String level, String sslFingerprint) {
    public boolean online() {
        return "online".equals(status);
    }
}
