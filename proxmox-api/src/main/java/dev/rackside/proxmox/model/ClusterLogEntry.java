package dev.rackside.proxmox.model;

import java.time.Instant;

/// One entry of `GET /cluster/log` (newest first).
///
/// @param pri syslog priority, 0 (emergency) … 7 (debug)
public record ClusterLogEntry(String id, long uid, Instant time, int pri, String tag, long pid, String node,
                              String user, String message) {
}
