package dev.rackside.proxmox.model;

import java.util.List;

/// A page of `GET /nodes/{node}/tasks/{upid}/log`.
///
/// @param lines lines in order; `n` is 1-based
/// @param total lines in the whole log at the time of the request
public record TaskLog(List<Line> lines, int total) {
    public TaskLog {
        lines = List.copyOf(lines);
    }

    /// The `start` to ask for next time: the number of the last line received.
    public int nextStart(int previousStart) {
        return lines.isEmpty() ? previousStart : lines.getLast().n();
    }

    public record Line(int n, String text) {
    }
}
