package dev.rackside.pvesim.internal.state;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;

/// The simulated cluster: nodes, guests and storages, plus renderers that produce exactly the
/// `data` of the PVE 9.1.3 endpoints that read them.
///
/// Thread-safe. Changes take one lock and publish a new immutable snapshot; renders read the
/// current snapshot without locking, so a render never sees half a change.
///
/// Metrics are pure functions of (seed, guest or node, instant): every render computes all of its
/// values for one instant of the clock, and two renders at the same instant agree.
///
/// Renderers of endpoints that PVE proxies to the guest's node (`nodeStatus`, `guestStatus`,
/// `guestConfig`, `guestList`) throw [IllegalStateException] when that node is offline; real PVE
/// answers those with a 595 from the proxy, which the API layer has to produce.
public final class ClusterState {

    /// pve-manager version this simulator imitates.
    public static final String VERSION = "9.1.3";
    static final String RELEASE = "9.1";
    /// pve-manager's build id is the 16-hex short hash of the release commit ("bump version to 9.1.3").
    static final String REPOID = "5829c814947b3364";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final long seed;
    private final InstantSource clock;
    private final String clusterName;
    private final Object lock = new Object();
    private volatile Snapshot snapshot;

    private ClusterState(long seed, InstantSource clock, String clusterName, Snapshot snapshot) {
        this.seed = seed;
        this.clock = clock;
        this.clusterName = clusterName;
        this.snapshot = snapshot;
    }

    /// A cluster of `nodeCount` nodes (`pve1`…) and `guestCount` guests (VMIDs from 100), the same
    /// for the same seed and clock instant.
    public static ClusterState generate(int nodeCount, int guestCount, long seed, InstantSource clock) {
        if (nodeCount < 1 || guestCount < 0) {
            throw new IllegalArgumentException("need at least one node and no negative guest count");
        }
        Objects.requireNonNull(clock);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Node> nodes = NodeFactory.create(nodeCount, rnd.split(), now);
        List<Guest> guests = GuestFactory.create(guestCount, nodes, rnd.split(), now);
        return new ClusterState(seed, clock, "rackside-demo", Snapshot.of(nodes, guests));
    }

    public String clusterName() {
        return clusterName;
    }

    /// The node that "answers" API calls (`local: 1` in `/cluster/status`).
    public String localNode() {
        return snapshot.nodes().getFirst().name();
    }

    public long seed() {
        return seed;
    }

    public Optional<Guest> guest(int vmid) {
        return Optional.ofNullable(snapshot.guest(vmid));
    }

    /// All guests, ordered by VMID.
    public Collection<Guest> guests() {
        return snapshot.guests();
    }

    /// All nodes, ordered by node id.
    public List<Node> nodes() {
        return snapshot.nodes();
    }

    public Optional<Node> node(String name) {
        return Optional.ofNullable(snapshot.nodeByName().get(name));
    }

    /// Marks a node as in or out of the corosync membership. Its guests keep their run state:
    /// this models a network split or a hung host, and the guests carry on once it is back.
    /// See [Frame] for what the cluster shows in the meantime.
    public void setNodeOnline(String name, boolean online) {
        synchronized (lock) {
            Node n = requireNode(snapshot, name);
            snapshot = snapshot.withNode(n.withOnline(online, clock.instant()));
        }
    }

    /// Changes what a guest's process is doing. Starting (from STOPPED) records the start instant,
    /// so uptime and counters begin at 0; pausing freezes the counters but not the uptime.
    ///
    /// @throws NoSuchElementException if there is no such guest
    /// @throws IllegalStateException  for a template or a guest on an offline node
    public void setRunState(int vmid, RunState state) {
        Objects.requireNonNull(state);
        synchronized (lock) {
            Guest g = snapshot.guest(vmid);
            if (g == null) {
                throw new NoSuchElementException("no such guest " + vmid);
            }
            if (g.template() && state.hasProcess()) {
                throw new IllegalStateException("you can't start a vm if it's a template");
            }
            Frame.requireOnline(requireNode(snapshot, g.node()));
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            snapshot = snapshot.withGuest(g.withRunState(state, now));
        }
    }

    /// `GET /cluster/resources` with an optional `type` (`vm`, `storage`, `node`, `sdn`).
    public ArrayNode clusterResources(String typeFilter, Visibility v) {
        return ResourcesRenderer.clusterResources(frame(), typeFilter, v);
    }

    /// `GET /cluster/status` (the caller checks `Sys.Audit` on `/`).
    public ArrayNode clusterStatus() {
        return ResourcesRenderer.clusterStatus(frame(), clusterName, localNode());
    }

    /// `GET /nodes`; `sslFingerprintOf` maps a node name to its certificate's SHA-256 fingerprint.
    public ArrayNode nodes(Function<String, String> sslFingerprintOf, Visibility v) {
        return ResourcesRenderer.nodes(frame(), sslFingerprintOf, v);
    }

    /// `GET /nodes/{node}/status`.
    public ObjectNode nodeStatus(String node) {
        Frame f = frame();
        return StatusRenderer.nodeStatus(f, f.node(node));
    }

    /// `GET /nodes/{node}/{qemu|lxc}/{vmid}/status/current` for the guest as it is now.
    public ObjectNode guestStatus(Guest g) {
        Frame f = frame();
        return StatusRenderer.guestStatus(f, current(f, g));
    }

    /// `GET /nodes/{node}/{qemu|lxc}/{vmid}/config`.
    public ObjectNode guestConfig(Guest g) {
        Frame f = frame();
        return ConfigRenderer.config(f, current(f, g));
    }

    /// `GET /nodes/{node}/qemu` or `/lxc` as root sees it, without `full`.
    public ArrayNode guestList(String node, GuestKind type) {
        return guestList(node, type, false, Visibility.all());
    }

    /// `GET /nodes/{node}/qemu` (with `full`) or `/lxc`, listing only guests with `VM.Audit`.
    public ArrayNode guestList(String node, GuestKind type, boolean full, Visibility v) {
        Frame f = frame();
        return StatusRenderer.guestList(f, f.node(node), type, full, v);
    }

    /// `GET /version` (no `console` key: datacenter.cfg sets none).
    public ObjectNode version() {
        return JSON.objectNode().put("version", VERSION).put("release", RELEASE).put("repoid", REPOID);
    }

    /// `GET …/qemu/{vmid}/agent/network-get-interfaces`, with qemu-server's refusals
    /// (`assert_agent_available`): no agent configured, VM not running, agent not answering.
    public ObjectNode agentInterfaces(Guest g) {
        Guest now = current(frame(), g);
        if (!now.spec().agent()) {
            throw new IllegalStateException("No QEMU guest agent configured");
        }
        if (!now.runState().hasProcess()) {
            throw new IllegalStateException("VM " + now.vmid() + " is not running");
        }
        if (now.runState() != RunState.RUNNING) {
            throw new IllegalStateException("QEMU guest agent is not running"); // a paused guest cannot answer
        }
        return NetworkRenderer.agentInterfaces(now);
    }

    /// `GET …/lxc/{vmid}/interfaces`: null for a stopped container, as pve-container answers.
    public ArrayNode lxcInterfaces(Guest g) {
        Guest now = current(frame(), g);
        return now.runState().hasProcess() ? NetworkRenderer.lxcInterfaces(now) : null;
    }

    /// `GET /nodes/{node}/rrddata`: `timeframe` hour…decade, `max` for cf=MAX.
    public ArrayNode nodeRrd(String node, String timeframe, boolean max) {
        Snapshot s = snapshot;
        Node n = requireNode(s, node);
        Frame.requireOnline(n);
        return RrdRenderer.node(seed, n, s.guestsByNode().get(node), clock.instant(), timeframe, max);
    }

    /// `GET /nodes/{node}/{qemu|lxc}/{vmid}/rrddata`.
    public ArrayNode guestRrd(Guest g, String timeframe, boolean max) {
        Frame f = frame();
        Guest now = current(f, g);
        Frame.requireOnline(requireNode(f.snap, now.node()));
        return RrdRenderer.guest(seed, now, f.now, timeframe, max);
    }

    private Frame frame() {
        return new Frame(seed, snapshot, clock.instant());
    }

    // the caller may hold an old Guest instance; PVE always answers with the current state
    private static Guest current(Frame f, Guest g) {
        Guest now = f.snap.guest(g.vmid());
        if (now == null) {
            throw new NoSuchElementException("no such guest " + g.vmid());
        }
        return now;
    }

    private static Node requireNode(Snapshot s, String name) {
        Node n = s.nodeByName().get(name);
        if (n == null) {
            throw new NoSuchElementException("no such node '" + name + "'");
        }
        return n;
    }
}
