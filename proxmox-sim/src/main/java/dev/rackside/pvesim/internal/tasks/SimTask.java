package dev.rackside.pvesim.internal.tasks;

import java.time.Instant;
import java.util.List;

/// A task as the API shows it at one instant.
///
/// @param exitstatus `OK` or the error text; null while running
/// @param log        the lines written so far (the final `TASK …` line once stopped)
public record SimTask(String upid, String node, long pid, long pstart, Instant start, String type, String id,
                      String user, String tokenid, Instant end, String exitstatus, List<String> log) {
    public SimTask {
        log = List.copyOf(log);
    }

    SimTask withLog(List<String> lines) {
        return new SimTask(upid, node, pid, pstart, start, type, id, user, tokenid, end, exitstatus, lines);
    }

    public boolean running() {
        return exitstatus == null;
    }
}
