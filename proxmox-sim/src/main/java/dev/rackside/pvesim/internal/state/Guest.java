package dev.rackside.pvesim.internal.state;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/// One virtual machine or container, immutable; [ClusterState] swaps in a new instance on change.
///
/// @param vmid          the VMID (100 and up)
/// @param type          QEMU or LXC
/// @param node          the node it lives on
/// @param name          QEMU `name` / LXC `hostname`
/// @param runState      what the process is doing
/// @param template      a template (never runs)
/// @param lock          config lock such as `backup`, or null
/// @param haManaged     listed in the HA resources
/// @param pool          the pool it belongs to, or null
/// @param tags          lower-case, de-duplicated and sorted, as PVE stores them
/// @param spec          configured hardware
/// @param startedAt     when the process started, null when stopped
/// @param pausedAt      when it was paused or suspended, null otherwise
/// @param pausedSeconds seconds spent paused since start (counters do not grow meanwhile)
public record Guest(int vmid, GuestKind type, String node, String name, RunState runState, boolean template,
                    String lock, boolean haManaged, String pool, List<String> tags, GuestSpec spec,
                    Instant startedAt, Instant pausedAt, long pausedSeconds) {

    public Guest {
        Objects.requireNonNull(type);
        Objects.requireNonNull(node);
        Objects.requireNonNull(name);
        Objects.requireNonNull(runState);
        Objects.requireNonNull(spec);
        tags = List.copyOf(tags);
        if (runState.hasProcess() != (startedAt != null)) {
            throw new IllegalArgumentException("startedAt must be set exactly when the guest runs");
        }
    }

    /// `qemu/100` or `lxc/101`, the `/cluster/resources` id.
    public String resourceId() {
        return type.wire() + "/" + vmid;
    }

    /// The tags as PVE returns them: `;`-separated, or null when there are none.
    public String tagString() {
        return tags.isEmpty() ? null : String.join(";", tags);
    }

    /// HA request state as `/cluster/resources` `hastate` shows it, or null when not HA-managed.
    /// The simulated CRM has always caught up, so it mirrors whether the guest runs.
    public String haState() {
        if (!haManaged) {
            return null;
        }
        return runState.hasProcess() ? "started" : "stopped";
    }

    /// Seconds the guest has been doing work at `now`: wall time since start minus pauses.
    long activeSeconds(Instant now) {
        if (startedAt == null) {
            return 0;
        }
        Instant end = pausedAt != null ? pausedAt : now;
        long s = Duration.between(startedAt, end).toSeconds() - pausedSeconds;
        return Math.max(0, s);
    }

    /// Returns this guest in `next`, recording the start or pause instant as PVE's process would.
    Guest withRunState(RunState next, Instant now) {
        if (next == runState) {
            return this;
        }
        Instant start = startedAt;
        Instant paused = pausedAt;
        long pausedTotal = pausedSeconds;
        if (!next.hasProcess()) {
            start = null;
            paused = null;
            pausedTotal = 0;
        } else if (!runState.hasProcess()) {
            start = now;
            paused = next == RunState.RUNNING ? null : now;
            pausedTotal = 0;
        } else if (next == RunState.RUNNING) {
            pausedTotal += Duration.between(pausedAt, now).toSeconds();
            paused = null;
        } else if (paused == null) {
            paused = now;
        }
        return new Guest(vmid, type, node, name, next, template, lock, haManaged, pool, tags, spec,
                start, paused, pausedTotal);
    }
}
