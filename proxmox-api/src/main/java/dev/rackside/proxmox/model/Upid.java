package dev.rackside.proxmox.model;

import java.time.Instant;
import java.util.Objects;

/// A PVE task id: `UPID:<node>:<pid hex>:<pstart hex>:<starttime hex>:<type>:<id>:<user>:`.
///
/// @param value the whole string, exactly as PVE sent it (it is also the task's API path segment)
/// @param id    the task's object id (often the VMID), may be empty
/// @param user  `user@realm`, or `user@realm!token` for tasks a token started
public record Upid(String value, String node, long pid, long pstart, Instant startTime, String type, String id,
                   String user) {
    public Upid {
        Objects.requireNonNull(value, "value");
    }

    /// Parses a UPID; throws IllegalArgumentException when it is not one.
    public static Upid parse(String value) {
        String[] p = value.split(":", -1);
        if (p.length < 9 || !"UPID".equals(p[0])) {
            throw new IllegalArgumentException("not a UPID: " + value);
        }
        try {
            return new Upid(value, p[1], Long.parseLong(p[2], 16), Long.parseLong(p[3], 16),
                    Instant.ofEpochSecond(Long.parseLong(p[4], 16)), p[5], p[6], p[7]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a UPID: " + value, e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
