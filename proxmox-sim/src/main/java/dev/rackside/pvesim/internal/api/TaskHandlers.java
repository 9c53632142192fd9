package dev.rackside.pvesim.internal.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rackside.pvesim.internal.auth.AccessControl;
import dev.rackside.pvesim.internal.http.ApiError;
import dev.rackside.pvesim.internal.http.Call;
import dev.rackside.pvesim.internal.http.Reply;
import dev.rackside.pvesim.internal.http.Routes;
import dev.rackside.pvesim.internal.tasks.ClusterLog;
import dev.rackside.pvesim.internal.tasks.SimTask;
import dev.rackside.pvesim.internal.tasks.TaskRegistry;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/// Task list, status, log and stop, plus the cluster log (pve-manager `API2/Tasks.pm`,
/// pve-behaviour.md §5; API-NOTES §4.12-4.13).
public final class TaskHandlers {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Pattern UPID = Pattern.compile(
            "^UPID:([a-zA-Z0-9]([a-zA-Z0-9\\-]*[a-zA-Z0-9])?):([0-9A-Fa-f]{8}):([0-9A-Fa-f]{8,9}):([0-9A-Fa-f]{8}):([^:\\s/]+):([^:\\s/]*):([^:\\s/]+):$");

    private final TaskRegistry tasks;
    private final ClusterLog clusterLog;
    private final AccessControl acl;
    private final Supplier<List<String>> nodeNames;

    public TaskHandlers(TaskRegistry tasks, ClusterLog clusterLog, AccessControl acl, Supplier<List<String>> nodeNames) {
        this.tasks = tasks;
        this.clusterLog = clusterLog;
        this.acl = acl;
        this.nodeNames = nodeNames;
    }

    public void register(Routes r) {
        r.add("GET", "/nodes/{node}/tasks", this::list);
        r.add("GET", "/nodes/{node}/tasks/{upid}/status", this::status);
        r.add("GET", "/nodes/{node}/tasks/{upid}/log", this::log);
        r.add("DELETE", "/nodes/{node}/tasks/{upid}", this::stop);
        r.add("GET", "/cluster/tasks", this::clusterTasks);
        r.add("GET", "/cluster/log", this::clusterLogEntries);
    }

    private Reply list(Call call) {
        String node = call.string("node");
        String source = call.string("source", "archive");
        long start = call.integer("start", 0);
        long limit = call.integer("limit", 50);
        String type = call.string("typefilter", "");
        String userFilter = call.string("userfilter", "").toLowerCase(Locale.ROOT);
        long vmid = call.integer("vmid", -1);
        boolean errors = call.flag("errors");
        String statusFilter = call.string("statusfilter", "");
        boolean audit = acl.has(call.caller(), "/nodes/" + node, "Sys.Audit");
        List<SimTask> matching = tasks.tasksOf(node).stream()
                .filter(t -> audit || visibleTo(t, call))
                .filter(t -> switch (source) {
                    case "active" -> t.running();
                    case "all" -> true;
                    default -> !t.running();
                })
                .filter(t -> type.isEmpty() || t.type().equals(type))
                .filter(t -> userFilter.isEmpty() || authId(t).toLowerCase(Locale.ROOT).contains(userFilter))
                .filter(t -> vmid < 0 || t.id().equals(Long.toString(vmid)))
                .filter(t -> !errors || (!t.running() && !"OK".equals(t.exitstatus())))
                .filter(t -> statusFilter.isEmpty() || statusMatches(t, statusFilter))
                .toList();
        ArrayNode rows = F.arrayNode();
        matching.stream().skip(start).limit(limit).forEach(t -> rows.add(row(t, true)));
        return Reply.paged(rows, matching.size());
    }

    private Reply status(Call call) {
        SimTask t = find(call);
        ObjectNode o = row(t, false);
        o.put("status", t.running() ? "running" : "stopped");
        if (!t.running()) {
            o.put("exitstatus", t.exitstatus());
        }
        return Reply.of(o);
    }

    private Reply log(Call call) {
        String upid = checkedUpid(call);
        long start = call.integer("start", 0);
        long limit = call.integer("limit", 50);
        if (call.flag("download") && (call.has("start") || call.has("limit"))) {
            throw ApiError.fail("'download' cannot be used together with 'start' or 'limit' parameters");
        }
        var task = tasks.task(upid);
        // PVE does not check that the task exists: it just fails to open the log file.
        List<String> lines = task.map(SimTask::log).orElse(List.of("unable to open file - No such file or directory"));
        if (lines.isEmpty()) {
            lines = List.of("no content");
        }
        ArrayNode out = F.arrayNode();
        long end = limit == 0 ? lines.size() : Math.min(lines.size(), start + limit);
        for (long i = start; i < end; i++) {
            out.addObject().put("n", i + 1).put("t", lines.get((int) i));
        }
        return Reply.paged(out, lines.size());
    }

    private Reply stop(Call call) {
        SimTask t = find(call);
        if (!visibleTo(t, call) && !acl.has(call.caller(), "/nodes/" + t.node(), "Sys.Modify")) {
            throw ApiError.permission("/nodes/" + t.node(), "Sys.Modify");
        }
        tasks.stop(t.upid());
        return Reply.of(null);
    }

    private Reply clusterTasks(Call call) {
        ArrayNode rows = F.arrayNode();
        for (String node : nodeNames.get()) {
            tasks.tasksOf(node).stream().filter(t -> visibleTo(t, call) || acl.has(call.caller(), "/nodes/" + node, "Sys.Audit"))
                    .limit(50).forEach(t -> {
                        ObjectNode o = row(t, true);
                        o.put("saved", t.running() ? "0" : "1");
                        rows.add(o);
                    });
        }
        return Reply.of(rows);
    }

    private Reply clusterLogEntries(Call call) {
        long max = call.integer("max", 50);
        boolean syslog = acl.has(call.caller(), "/", "Sys.Syslog");
        ArrayNode rows = F.arrayNode();
        for (ClusterLog.Entry e : clusterLog.newest((int) Math.max(max, 1) * (syslog ? 1 : 4))) {
            if (rows.size() >= max) {
                break;
            }
            if (syslog || e.user().equals(call.caller().authId()) || e.user().equals(call.caller().userId())) {
                rows.addObject().put("uid", e.uid()).put("time", e.time()).put("pri", e.pri()).put("tag", e.tag())
                        .put("pid", e.pid()).put("node", e.node()).put("user", e.user()).put("msg", e.msg())
                        .put("id", e.id());
            }
        }
        return Reply.of(rows);
    }

    private SimTask find(Call call) {
        String upid = checkedUpid(call);
        SimTask t = tasks.task(upid).orElseThrow(() -> ApiError.parameter("upid", "no such task"));
        if (!visibleTo(t, call) && !acl.has(call.caller(), "/nodes/" + t.node(), "Sys.Audit")) {
            throw ApiError.permission("/nodes/" + t.node(), "Sys.Audit");
        }
        return t;
    }

    private static String checkedUpid(Call call) {
        String upid = call.string("upid");
        if (upid == null || !UPID.matcher(upid).matches()) {
            throw ApiError.parameter("upid", "unable to parse worker upid");
        }
        return upid;
    }

    /// The owner sees their own tasks; a user also sees the tasks of their own tokens.
    private static boolean visibleTo(SimTask t, Call call) {
        var c = call.caller();
        return c.isToken() ? t.user().equals(c.userId()) && c.tokenId().equals(t.tokenid()) : t.user().equals(c.userId());
    }

    private static String authId(SimTask t) {
        return t.tokenid() == null ? t.user() : t.user() + "!" + t.tokenid();
    }

    private static boolean statusMatches(SimTask t, String filter) {
        String kind = t.running() ? "unknown" : "OK".equals(t.exitstatus()) ? "ok"
                : t.exitstatus().startsWith("WARNINGS") ? "warning" : "error";
        return List.of(filter.toLowerCase(Locale.ROOT).split("[,;\\s]+")).contains(kind);
    }

    private static ObjectNode row(SimTask t, boolean listing) {
        ObjectNode o = F.objectNode();
        o.put("upid", t.upid()).put("node", t.node()).put("pid", t.pid()).put("pstart", t.pstart())
                .put("starttime", t.start().getEpochSecond()).put("type", t.type()).put("id", t.id()).put("user", t.user());
        if (t.tokenid() != null) {
            o.put("tokenid", t.tokenid());
        }
        if (listing) {
            if (t.running()) {
                o.put("status", "RUNNING");
            } else {
                o.put("status", t.exitstatus()).put("endtime", t.end().getEpochSecond());
            }
        }
        return o;
    }
}
