package dev.rackside.proxmox;

import dev.rackside.proxmox.internal.Api;
import dev.rackside.proxmox.internal.ApiResponse;
import dev.rackside.proxmox.internal.Params;
import dev.rackside.proxmox.internal.TaskDecoder;
import dev.rackside.proxmox.model.TaskLog;
import dev.rackside.proxmox.model.TaskProgressListener;
import dev.rackside.proxmox.model.TaskQuery;
import dev.rackside.proxmox.model.TaskStatus;
import dev.rackside.proxmox.model.TaskSummary;
import dev.rackside.proxmox.model.Upid;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/// PVE tasks: the long-running workers behind every action, addressed by UPID.
public final class TasksApi {
    private final Api api;
    private final java.time.InstantSource clock;

    TasksApi(Api api, java.time.InstantSource clock) {
        this.api = api;
        this.clock = clock;
    }

    /// `GET /nodes/{node}/tasks`.
    public List<TaskSummary> list(String node, TaskQuery query) throws ProxmoxException {
        Params p = Params.of().add("start", query.start()).add("limit", query.limit()).add("source", query.source().wire());
        query.vmid().ifPresent(v -> p.add("vmid", v));
        if (!query.typefilter().isEmpty()) {
            p.add("typefilter", query.typefilter());
        }
        if (query.errorsOnly()) {
            p.add("errors", true);
        }
        return TaskDecoder.list(api.get("/nodes/" + Api.segment(node) + "/tasks", p).data());
    }

    /// `GET /nodes/{node}/tasks/{upid}/status`.
    public TaskStatus status(Upid upid) throws ProxmoxException {
        return TaskDecoder.status(upid, api.get(taskPath(upid) + "/status", Params.of()).data());
    }

    /// `GET …/log?start=&limit=`: `start` is the 0-based line offset; `limit` 0 returns the whole log.
    public TaskLog log(Upid upid, int start, int limit) throws ProxmoxException {
        ApiResponse r = api.get(taskPath(upid) + "/log", Params.of().add("start", start).add("limit", limit));
        return TaskDecoder.log(r.data(), r.total().orElse(r.data().size()));
    }

    /// `DELETE /nodes/{node}/tasks/{upid}`: asks PVE to stop a running task.
    public void stop(Upid upid) throws ProxmoxException {
        api.delete(taskPath(upid), Params.of());
    }

    /// Follows a task to its end, handing new log lines and each status to `listener`.
    ///
    /// @return the final status; check [TaskStatus#succeeded()]
    /// @throws ProxmoxException.Timeout when the task is still running after `timeout`, or the thread is interrupted
    public TaskStatus await(Upid upid, TaskProgressListener listener, Duration pollInterval, Duration timeout)
            throws ProxmoxException {
        Instant deadline = clock.instant().plus(timeout);
        int seen = 0;
        while (true) {
            TaskStatus status = status(upid);
            // Read the log after the status: a stopped task's log is complete, so nothing is missed at the end.
            seen = drainLog(upid, seen, listener);
            listener.onStatus(status);
            if (!status.running()) {
                return status;
            }
            if (!clock.instant().isBefore(deadline)) {
                throw new ProxmoxException.Timeout("task " + upid.type() + " " + upid.id() + " to finish", null);
            }
            try {
                Thread.sleep(pollInterval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProxmoxException.Timeout("task " + upid.type() + " (interrupted)", e);
            }
        }
    }

    private int drainLog(Upid upid, int seen, TaskProgressListener listener) throws ProxmoxException {
        final int page = 500;
        while (true) {
            final int after = seen;
            TaskLog log = log(upid, after, page);
            List<TaskLog.Line> fresh = log.lines().stream().filter(l -> l.n() > after).toList();
            // PVE answers an empty log with one pseudo line "no content"; it is not task output.
            if (log.total() == 0 || fresh.isEmpty() || (log.total() == 1 && "no content".equals(fresh.getFirst().text()))) {
                return seen;
            }
            listener.onLogLines(fresh);
            seen = fresh.getLast().n();
            if (seen >= log.total()) {
                return seen;
            }
        }
    }

    private static String taskPath(Upid upid) {
        return "/nodes/" + Api.segment(upid.node()) + "/tasks/" + Api.segment(upid.value());
    }
}
