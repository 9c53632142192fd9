package dev.rackside.pvesim.internal.state;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/// One render: a snapshot, the seed and the instant every value is computed for.
///
/// Offline nodes follow pmxcfs: node, guest and storage stats come from the RRD cache that
/// pvestatd feeds every 10 s, and pmxcfs drops entries older than five minutes
/// (`rrd_entry_is_old` in pve-cluster `status.c`). So for five minutes after a node drops out,
/// its guests and storages still show the last values it sent; after that they have no stats
/// at all and PVE prints `status: unknown` (guests, storages) with only static fields.
final class Frame {

    static final Duration RRD_EXPIRY = Duration.ofMinutes(5);

    final long seed;
    final Snapshot snap;
    final Instant now;
    private final GuestMetrics[] cache;
    private final Map<String, NodeMetrics> nodeCache = new HashMap<>();

    Frame(long seed, Snapshot snap, Instant now) {
        this.seed = seed;
        this.snap = snap;
        this.now = now;
        this.cache = new GuestMetrics[snap.guests().size()];
    }

    /// The instant whose stats the cluster still knows for this node, or null once they expired.
    Instant sampleInstant(Node n) {
        if (n.online()) {
            return now;
        }
        Instant since = n.offlineSince();
        return now.isAfter(since.plus(RRD_EXPIRY)) ? null : since;
    }

    /// Metrics as the RRD cache has them (stale for a recently lost node), or null if none.
    GuestMetrics rrdMetrics(Guest g) {
        Node n = snap.nodeByName().get(g.node());
        Instant at = sampleInstant(n);
        if (at == null) {
            return null;
        }
        int i = snap.indexByVmid().get(g.vmid());
        GuestMetrics m = cache[i];
        if (m == null) {
            m = GuestMetrics.of(seed, g, at);
            cache[i] = m;
        }
        return m;
    }

    /// Live metrics, as the node's own qemu-server / pve-container would read them now.
    GuestMetrics liveMetrics(Guest g) {
        Node n = snap.nodeByName().get(g.node());
        requireOnline(n);
        return rrdMetrics(g);
    }

    /// Node metrics at the node's sample instant, or null once its stats expired.
    NodeMetrics nodeMetrics(Node n) {
        Instant at = sampleInstant(n);
        if (at == null) {
            return null;
        }
        NodeMetrics cached = nodeCache.get(n.name());
        if (cached != null) {
            return cached;
        }
        double cores = 0;
        long mem = 0;
        for (Guest g : snap.guestsByNode().get(n.name())) {
            GuestMetrics m = rrdMetrics(g);
            if (!m.running()) {
                continue;
            }
            cores += m.cpu() * Math.min(g.spec().cpus(), n.cpus());
            mem += g.type() == GuestKind.QEMU ? m.memhost() : m.mem();
        }
        NodeMetrics m = NodeMetrics.of(seed, n, at, cores, mem);
        nodeCache.put(n.name(), m);
        return m;
    }

    static void requireOnline(Node n) {
        if (!n.online()) {
            // real PVE proxies these calls to the node and fails with 595; the API layer maps this
            throw new IllegalStateException("node '" + n.name() + "' is offline");
        }
    }

    Node node(String name) {
        Node n = snap.nodeByName().get(name);
        if (n == null) {
            throw new NoSuchElementException("no such node '" + name + "'");
        }
        return n;
    }
}
