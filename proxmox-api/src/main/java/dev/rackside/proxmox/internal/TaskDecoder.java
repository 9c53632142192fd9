package dev.rackside.proxmox.internal;

import static dev.rackside.proxmox.internal.Lenient.intValue;
import static dev.rackside.proxmox.internal.Lenient.longValue;
import static dev.rackside.proxmox.internal.Lenient.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rackside.proxmox.model.ClusterLogEntry;
import dev.rackside.proxmox.model.TaskLog;
import dev.rackside.proxmox.model.TaskStatus;
import dev.rackside.proxmox.model.TaskSummary;
import dev.rackside.proxmox.model.Upid;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/// Decodes task and log answers.
public final class TaskDecoder {
    private TaskDecoder() {
    }

    public static TaskStatus status(Upid upid, JsonNode d) {
        return new TaskStatus(upid, text(d, "status"), text(d, "exitstatus"));
    }

    public static TaskLog log(JsonNode d, int total) {
        List<TaskLog.Line> lines = new ArrayList<>();
        for (JsonNode l : d) {
            lines.add(new TaskLog.Line(intValue(l, "n"), text(l, "t")));
        }
        return new TaskLog(lines, total);
    }

    public static List<TaskSummary> list(JsonNode d) {
        List<TaskSummary> out = new ArrayList<>();
        for (JsonNode t : d) {
            Upid upid = Upid.parse(text(t, "upid"));
            long end = longValue(t, "endtime");
            String token = text(t, "tokenid");
            out.add(new TaskSummary(upid, text(t, "node"), text(t, "type"), text(t, "id"), text(t, "user"),
                    token.isEmpty() ? Optional.empty() : Optional.of(token),
                    Instant.ofEpochSecond(longValue(t, "starttime")),
                    end == 0 ? Optional.empty() : Optional.of(Instant.ofEpochSecond(end)),
                    t.has("status") ? text(t, "status") : "RUNNING"));
        }
        return out;
    }

    public static List<ClusterLogEntry> clusterLog(JsonNode d) {
        List<ClusterLogEntry> out = new ArrayList<>();
        for (JsonNode e : d) {
            out.add(new ClusterLogEntry(text(e, "id"), longValue(e, "uid"), Instant.ofEpochSecond(longValue(e, "time")),
                    intValue(e, "pri"), text(e, "tag"), longValue(e, "pid"), text(e, "node"), text(e, "user"),
                    text(e, "msg")));
        }
        return out;
    }
}
