package dev.rackside.pvesim.internal.api;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.rackside.pvesim.internal.http.ApiError;
import dev.rackside.pvesim.internal.http.Call;
import dev.rackside.pvesim.internal.http.Reply;
import dev.rackside.pvesim.internal.http.Routes;
import dev.rackside.pvesim.internal.state.ClusterState;
import dev.rackside.pvesim.internal.state.Guest;
import dev.rackside.pvesim.internal.state.GuestKind;
import dev.rackside.pvesim.internal.state.RunState;
import dev.rackside.pvesim.internal.tasks.TaskRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/// Guest power actions with the checks real PVE makes and where it makes them: some refuse the
/// call (HTTP 500), others start a task that fails (pve-behaviour.md §3). Each answers a UPID.
public final class PowerHandlers {
    private static final Map<String, List<String>> ROOT_ONLY = Map.of(
            "start", List.of("skiplock", "stateuri", "migratedfrom", "migration_type", "migration_network",
                    "targetstorage", "force-cpu", "with-conntrack-state", "nets-host-mtu"),
            "stop", List.of("skiplock", "keepActive", "migratedfrom"),
            "shutdown", List.of("skiplock", "keepActive"),
            "reset", List.of("skiplock"),
            "suspend", List.of("skiplock"),
            "resume", List.of("skiplock", "nocheck"));

    private final ClusterState state;
    private final TaskRegistry tasks;
    private final java.time.InstantSource clock;

    public PowerHandlers(ClusterState state, TaskRegistry tasks, java.time.InstantSource clock) {
        this.state = state;
        this.tasks = tasks;
        this.clock = clock;
    }

    public void register(Routes r) {
        for (String action : List.of("start", "stop", "shutdown", "reboot", "suspend", "resume")) {
            r.add("POST", "/nodes/{node}/qemu/{vmid}/status/" + action, call -> qemu(action, call));
            r.add("POST", "/nodes/{node}/lxc/{vmid}/status/" + action, call -> lxc(action, call));
        }
        r.add("POST", "/nodes/{node}/qemu/{vmid}/status/reset", call -> qemu("reset", call));
    }

    private Reply qemu(String action, Call call) {
        rootOnly(action, call);
        String node = call.string("node");
        int vmid = (int) call.integer("vmid", 0);
        Optional<Guest> here = guestOn(GuestKind.QEMU, vmid, node);
        String missingConf = "Configuration file 'nodes/" + node + "/qemu-server/" + vmid + ".conf' does not exist";
        String notOnNode = "unable to find configuration file for VM " + vmid + " on node '" + node + "'";
        boolean ha = here.map(Guest::haManaged).orElse(false);
        return switch (action) {
            case "start" -> task(node, ha ? "hastart" : "qmstart", vmid, call, Duration.ofSeconds(2),
                    ha ? List.of("Requesting HA start for VM " + vmid) : List.of(),
                    () -> worker(GuestKind.QEMU, vmid, node, missingConf, g -> g.template() ? "you can't start a vm if it's a template"
                            : g.lock() != null ? "VM is locked (" + g.lock() + ")"
                            : g.runState().hasProcess() ? "VM " + vmid + " already running" : null),
                    () -> state.setRunState(vmid, RunState.RUNNING));
            case "stop", "shutdown" -> {
                if (ha && call.has("overrule-shutdown")) {
                    throw ApiError.parameter("overrule-shutdown", "Not applicable for HA resources.");
                }
                if ("shutdown".equals(action) && here.map(g -> paused(g.runState())).orElse(false) && !call.flag("forceStop")) {
                    throw ApiError.fail("VM is paused - cannot shutdown");
                }
                String type = ha ? "hastop" : "stop".equals(action) ? "qmstop" : "qmshutdown";
                yield task(node, type, vmid, call, Duration.ofSeconds("stop".equals(action) ? 1 : 3),
                        ha ? List.of("Requesting HA stop for VM " + vmid) : List.of(),
                        // Stopping a stopped VM is fine in PVE: the worker returns at once and ends OK.
                        () -> worker(GuestKind.QEMU, vmid, node, notOnNode, g -> g.lock() != null ? "VM is locked (" + g.lock() + ")" : null),
                        () -> state.setRunState(vmid, RunState.STOPPED));
            }
            case "reboot", "reset" -> {
                Guest g = here.orElseThrow(() -> ApiError.fail(notOnNode));
                if ("reboot".equals(action) && paused(g.runState())) {
                    throw ApiError.fail("VM is paused - cannot shutdown");
                }
                requireRunning(g, "VM " + vmid + " not running");
                yield task(node, "reboot".equals(action) ? "qmreboot" : "qmreset", vmid, call, Duration.ofSeconds(4), List.of(),
                        () -> null, () -> restart(vmid));
            }
            case "suspend" -> {
                Guest g = here.orElseThrow(() -> ApiError.fail(notOnNode));
                requireRunning(g, "VM " + vmid + " not running");
                boolean todisk = call.flag("todisk");
                if (todisk && ha) {
                    throw ApiError.fail("Cannot suspend HA managed VM to disk");
                }
                yield task(node, todisk ? "qmsuspend" : "qmpause", vmid, call, Duration.ofSeconds(1), List.of(),
                        () -> worker(GuestKind.QEMU, vmid, node, notOnNode, x -> x.lock() != null ? "VM is locked (" + x.lock() + ")" : null),
                        () -> state.setRunState(vmid, todisk ? RunState.SUSPENDED : RunState.PAUSED));
            }
            case "resume" -> {
                Guest g = here.orElseThrow(() -> ApiError.fail(notOnNode));
                requireRunning(g, "VM " + vmid + " not running");
                yield task(node, "qmresume", vmid, call, Duration.ofSeconds(1), List.of(),
                        () -> worker(GuestKind.QEMU, vmid, node, notOnNode,
                                x -> x.template() ? "VM " + vmid + " is a template and cannot be resumed!" : null),
                        () -> state.setRunState(vmid, RunState.RUNNING));
            }
            default -> throw new IllegalStateException(action);
        };
    }

    private Reply lxc(String action, Call call) {
        rootOnly(action, call);
        String node = call.string("node");
        int vmid = (int) call.integer("vmid", 0);
        Optional<Guest> here = guestOn(GuestKind.LXC, vmid, node);
        // PVE's LXC check_running looks at running containers only, without checking the config exists.
        boolean running = here.map(g -> g.runState().hasProcess()).orElse(false);
        boolean ha = here.map(Guest::haManaged).orElse(false);
        String missingConf = "Configuration file 'nodes/" + node + "/lxc/" + vmid + ".conf' does not exist";
        return switch (action) {
            case "start" -> {
                if (running) {
                    throw ApiError.fail("CT " + vmid + " already running");
                }
                yield task(node, ha ? "hastart" : "vzstart", vmid, call, Duration.ofSeconds(2),
                        ha ? List.of("Requesting HA start for CT " + vmid) : List.of(),
                        () -> worker(GuestKind.LXC, vmid, node, missingConf, g -> g.template() ? "you can't start a CT if it's a template"
                                : g.lock() != null ? "CT is locked (" + g.lock() + ")" : null),
                        () -> state.setRunState(vmid, RunState.RUNNING));
            }
            case "stop", "shutdown", "suspend" -> {
                if (!running) {
                    throw ApiError.fail("CT " + vmid + " not running");
                }
                String type = ha && !"suspend".equals(action) ? "hastop" : "vz" + action;
                yield task(node, type, vmid, call, Duration.ofSeconds("shutdown".equals(action) ? 3 : 1),
                        ha && !"suspend".equals(action) ? List.of("Requesting HA stop for CT " + vmid) : List.of(),
                        () -> worker(GuestKind.LXC, vmid, node, missingConf, g -> g.lock() != null ? "CT is locked (" + g.lock() + ")" : null),
                        () -> state.setRunState(vmid, "suspend".equals(action) ? RunState.SUSPENDED : RunState.STOPPED));
            }
            case "resume" -> {
                if (here.map(g -> g.runState() == RunState.RUNNING).orElse(false)) {
                    throw ApiError.fail("CT " + vmid + " already running");
                }
                yield task(node, "vzresume", vmid, call, Duration.ofSeconds(1), List.of(),
                        () -> worker(GuestKind.LXC, vmid, node, missingConf, g -> null),
                        () -> state.setRunState(vmid, RunState.RUNNING));
            }
            case "reboot" -> {
                if (!running) {
                    throw ApiError.fail("VM " + vmid + " not running"); // sic: pve-container says VM here
                }
                yield task(node, "vzreboot", vmid, call, Duration.ofSeconds(4), List.of(), () -> null, () -> restart(vmid));
            }
            default -> throw new IllegalStateException(action);
        };
    }

    private Reply task(String node, String type, int vmid, Call call, Duration duration, List<String> lines,
                       Supplier<String> check, Runnable effect) {
        String upid = tasks.start(new TaskRegistry.Spec(node, type, Integer.toString(vmid), call.caller(), duration,
                lines, check, effect), uptime(node));
        return Reply.of(TextNode.valueOf(upid));
    }

    /// The worker's own checks, run when it starts: the config must exist on this node, then `more`.
    private String worker(GuestKind kind, int vmid, String node, String missing,
                          java.util.function.Function<Guest, String> more) {
        Optional<Guest> g = guestOn(kind, vmid, node);
        return g.isEmpty() ? missing : more.apply(g.get()); // not Optional.map: "no error" is a null result
    }

    private Optional<Guest> guestOn(GuestKind kind, int vmid, String node) {
        return state.guest(vmid).filter(g -> g.type() == kind && g.node().equals(node));
    }

    private long uptime(String node) {
        return state.node(node).map(n -> Math.max(0, Duration.between(n.bootedAt(), clock.instant()).toSeconds())).orElse(0L);
    }

    private void restart(int vmid) {
        state.setRunState(vmid, RunState.STOPPED);
        state.setRunState(vmid, RunState.RUNNING);
    }

    private static boolean paused(RunState s) {
        return s == RunState.PAUSED || s == RunState.SUSPENDED;
    }

    private static void requireRunning(Guest g, String message) {
        if (!g.runState().hasProcess()) {
            throw ApiError.fail(message);
        }
    }

    private static void rootOnly(String action, Call call) {
        if (call.caller().isRoot()) {
            return;
        }
        for (String p : ROOT_ONLY.getOrDefault(action, List.of())) {
            if (call.has(p)) {
                throw ApiError.parameter(p, "Only root may use this option.");
            }
        }
    }
}
