package dev.rackside.pvesim.internal.tasks;

import dev.rackside.pvesim.SimClock;
import dev.rackside.pvesim.internal.auth.Caller;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/// PVE's worker tasks: each gets a real UPID, writes its log over its run time, and ends `OK` or
/// with the error its check found. State changes (a VM now running) are applied when it ends.
/// Time is the simulator clock, so tests can fast-forward.
public final class TaskRegistry {
    /// How a worker behaves. `check` runs when the worker starts and returns an error text (the
    /// worker then fails quickly) or null; `effect` runs when a successful worker finishes.
    public record Spec(String node, String type, String id, Caller caller, Duration duration, List<String> lines,
                       Supplier<String> check, Runnable effect) {
    }

    private static final class Running {
        final SimTask head;
        final Instant end;
        final List<String> lines;
        final String error;
        final Runnable effect;
        String exit;

        Running(SimTask head, Instant end, List<String> lines, String error, Runnable effect) {
            this.head = head;
            this.end = end;
            this.lines = lines;
            this.error = error;
            this.effect = effect;
        }
    }

    private final SimClock clock;
    private final ClusterLog clusterLog;
    private final double durationScale;
    private final Map<String, Running> tasks = new LinkedHashMap<>(); // guarded by this; insertion = start order
    // The workers not yet ended: advance() runs before every request and must not walk every task ever started.
    private final List<Running> active = new ArrayList<>(); // guarded by this

    public TaskRegistry(SimClock clock, ClusterLog clusterLog, double durationScale) {
        this.clock = clock;
        this.clusterLog = clusterLog;
        this.durationScale = durationScale;
    }

    /// Starts a worker and returns its UPID.
    public synchronized String start(Spec spec, long nodeUptimeSeconds) {
        advance();
        Instant now = clock.instant();
        long pid = ThreadLocalRandom.current().nextLong(0x1000, 0x3FFFFF);
        long pstart = nodeUptimeSeconds * 100 + ThreadLocalRandom.current().nextLong(1, 100); // clock ticks since boot
        String upid = String.format("UPID:%s:%08X:%08X:%08X:%s:%s:%s:", spec.node(), pid, pstart, now.getEpochSecond(),
                spec.type(), spec.id(), spec.caller().authId());
        String error = spec.check().get();
        Duration run = error != null ? Duration.ofMillis(300) : spec.duration();
        Instant end = now.plusMillis(Math.max(50, (long) (run.toMillis() * durationScale)));
        SimTask head = new SimTask(upid, spec.node(), pid, pstart, now, spec.type(), spec.id(), spec.caller().userId(),
                spec.caller().tokenId(), null, null, List.of());
        Running running = new Running(head, end, error != null ? List.of() : List.copyOf(spec.lines()), error, spec.effect());
        tasks.put(upid, running);
        active.add(running);
        clusterLog.add(spec.node(), spec.caller().authId(), "pvedaemon", 6,
                "<" + spec.caller().authId() + "> starting task " + upid);
        return upid;
    }

    /// Ends the workers whose time has come; called before every request.
    public synchronized void advance() {
        Instant now = clock.instant();
        for (java.util.Iterator<Running> it = active.iterator(); it.hasNext(); ) {
            Running r = it.next();
            if (r.exit != null) {
                it.remove(); // stopped through stop()
                continue;
            }
            if (!now.isBefore(r.end)) {
                it.remove();
                if (r.error == null) {
                    try {
                        r.effect.run();
                        r.exit = "OK";
                    } catch (RuntimeException e) {
                        // The world changed under the worker (its node went away): the task fails, nothing else.
                        r.exit = String.valueOf(e.getMessage());
                    }
                } else {
                    r.exit = r.error.replace('\n', ' ').strip();
                }
                clusterLog.add(r.head.node(), r.head.tokenid() == null ? r.head.user() : r.head.user() + "!" + r.head.tokenid(),
                        "pvedaemon", 6, "<" + r.head.user() + "> end task " + r.head.upid() + " " + r.exit);
            }
        }
    }

    public synchronized Optional<SimTask> task(String upid) {
        advance();
        Running r = tasks.get(upid);
        return r == null ? Optional.empty() : Optional.of(view(r, clock.instant()));
    }

    /// Tasks of one node, newest first.
    public synchronized List<SimTask> tasksOf(String node) {
        advance();
        Instant now = clock.instant();
        List<SimTask> out = new ArrayList<>();
        for (Running r : tasks.values()) {
            if (r.head.node().equals(node)) {
                out.add(view(r, now));
            }
        }
        out.sort(Comparator.comparing(SimTask::start).reversed());
        return out;
    }

    /// Stops a running worker the way `DELETE …/tasks/{upid}` does: it ends with an error.
    public synchronized boolean stop(String upid) {
        advance();
        Running r = tasks.get(upid);
        if (r == null || r.exit != null) {
            return false;
        }
        r.exit = "received interrupt";
        return true;
    }

    private static SimTask view(Running r, Instant now) {
        List<String> log = new ArrayList<>();
        if (r.exit == null) {
            long total = Math.max(1, r.end.toEpochMilli() - r.head.start().toEpochMilli());
            long done = Math.max(0, now.toEpochMilli() - r.head.start().toEpochMilli());
            int visible = (int) Math.min(r.lines.size(), r.lines.size() * done / total);
            log.addAll(r.lines.subList(0, visible));
            return r.head.withLog(log);
        }
        log.addAll(r.lines);
        log.add("OK".equals(r.exit) ? "TASK OK" : "TASK ERROR: " + r.exit);
        return new SimTask(r.head.upid(), r.head.node(), r.head.pid(), r.head.pstart(), r.head.start(), r.head.type(),
                r.head.id(), r.head.user(), r.head.tokenid(), r.end, r.exit, log);
    }
}
