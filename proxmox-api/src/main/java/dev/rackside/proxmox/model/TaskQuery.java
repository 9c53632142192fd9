package dev.rackside.proxmox.model;

import java.util.OptionalInt;

/// Filters for `GET /nodes/{node}/tasks`.
///
/// @param source     which tasks: finished (`archive`, PVE's default), running (`active`) or `all`
/// @param typefilter task type such as `qmstart`; empty for any
public record TaskQuery(int start, int limit, OptionalInt vmid, String typefilter, Source source, boolean errorsOnly) {

    public enum Source {
        ARCHIVE("archive"), ACTIVE("active"), ALL("all");

        private final String wire;

        Source(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    public TaskQuery {
        if (start < 0 || limit < 0) {
            throw new IllegalArgumentException("start and limit must be >= 0");
        }
    }

    /// The newest `limit` tasks, running ones included.
    public static TaskQuery recent(int limit) {
        return new TaskQuery(0, limit, OptionalInt.empty(), "", Source.ALL, false);
    }

    public TaskQuery forGuest(int vmid) {
        return new TaskQuery(start, limit, OptionalInt.of(vmid), typefilter, source, errorsOnly);
    }
}
