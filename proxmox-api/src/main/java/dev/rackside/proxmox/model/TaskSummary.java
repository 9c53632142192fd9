package dev.rackside.proxmox.model;

import java.time.Instant;
import java.util.Optional;

/// One row of `GET /nodes/{node}/tasks`.
///
/// @param status  `OK`, `WARNINGS: n`, an error text, or `RUNNING` for active tasks
/// @param tokenid the API token that started the task, if any
public record TaskSummary(Upid upid, String node, String type, String id, String user, Optional<String> tokenid,
                          Instant startTime, Optional<Instant> endTime, String status) {
}
