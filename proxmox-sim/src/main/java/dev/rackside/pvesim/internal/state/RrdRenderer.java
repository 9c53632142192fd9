package dev.rackside.pvesim.internal.state;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Collection;

/// `rrddata` answers in PVE 9's `pve-*-9.0` format (API-NOTES §5): one row per bucket of the
/// timeframe's resolution, the 9.0 column set, rates for the DERIVE columns, and only
/// `time, maxcpu, maxmem, maxdisk, disk` while a guest was not running. The history is computed
/// from the same pure metric functions as the live values, so the newest bucket matches them.
final class RrdRenderer {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private RrdRenderer() {
    }

    /// `[resolution seconds, count]` of PVE 9's `create_rrd_data`.
    static long[] layout(String timeframe) {
        return switch (timeframe) {
            case "hour" -> new long[] {60, 60};
            case "day" -> new long[] {60, 1440};
            case "week" -> new long[] {1800, 336};
            case "month" -> new long[] {1800, 1440};
            case "year" -> new long[] {21600, 1440};
            case "decade" -> new long[] {604800, 570};
            default -> throw new IllegalArgumentException(timeframe);
        };
    }

    static ArrayNode guest(long seed, Guest g, Instant now, String timeframe, boolean max) {
        long[] l = layout(timeframe);
        long step = l[0];
        long end = Math.floorDiv(now.getEpochSecond(), step) * step;
        ArrayNode rows = F.arrayNode();
        for (long t = end - step * (l[1] - 1); t <= end; t += step) {
            ObjectNode row = rows.addObject();
            row.put("time", t);
            boolean up = g.startedAt() != null && g.startedAt().getEpochSecond() < t + step;
            if (!up) {
                // RRD stores unknown (NaN) while a guest is stopped; PVE omits those columns
                row.put("maxcpu", g.spec().cpus()).put("maxmem", g.spec().maxmemBytes())
                        .put("maxdisk", g.spec().diskBytes()).put("disk", 0);
                continue;
            }
            GuestMetrics m = sample(seed, g, Math.max(t, g.startedAt().getEpochSecond()), step, now, max);
            row.put("maxcpu", g.spec().cpus()).put("maxmem", m.maxmem()).put("maxdisk", m.maxdisk()).put("disk", m.disk());
            GuestMetrics before = GuestMetrics.of(seed, g, Instant.ofEpochSecond(Math.min(t, now.getEpochSecond()) - step));
            row.put("cpu", m.cpu()).put("mem", m.mem())
                    .put("netin", rate(m.netin(), before.netin(), step)).put("netout", rate(m.netout(), before.netout(), step))
                    .put("diskread", rate(m.diskread(), before.diskread(), step))
                    .put("diskwrite", rate(m.diskwrite(), before.diskwrite(), step));
            if (g.type() == GuestKind.QEMU) {
                row.put("memhost", m.memhost()); // containers have no memhost: NaN, omitted (pulse_pve9_lxc_rrddata)
            }
            double[] p = m.pressure();
            if (p != null) {
                row.put("pressurecpusome", p[0]).put("pressurecpufull", p[1]).put("pressureiosome", p[2])
                        .put("pressureiofull", p[3]).put("pressurememorysome", p[4]).put("pressurememoryfull", p[5]);
            }
        }
        return rows;
    }

    static ArrayNode node(long seed, Node n, Collection<Guest> guestsOnNode, Instant now, String timeframe, boolean max) {
        long[] l = layout(timeframe);
        long step = l[0];
        long end = Math.floorDiv(now.getEpochSecond(), step) * step;
        // The guests' load is taken as of now and varied per bucket by the node's own noise.
        double cores = 0;
        long mem = 0;
        for (Guest g : guestsOnNode) {
            GuestMetrics m = GuestMetrics.of(seed, g, now);
            if (m.running()) {
                cores += m.cpu() * Math.min(g.spec().cpus(), n.cpus());
                mem += g.type() == GuestKind.QEMU ? m.memhost() : m.mem();
            }
        }
        ArrayNode rows = F.arrayNode();
        for (long t = end - step * (l[1] - 1); t <= end; t += step) {
            if (t < n.bootedAt().getEpochSecond()) {
                continue; // no data before the node existed
            }
            Instant at = Instant.ofEpochSecond(Math.min(t + step / 2, now.getEpochSecond()));
            NodeMetrics m = NodeMetrics.of(seed, n, at, cores * (max ? 1.2 : 1.0), mem);
            double load = m.loadavg()[0];
            long net = (long) (40_000 + 400_000 * m.cpu());
            rows.addObject().put("time", t).put("loadavg", load).put("maxcpu", n.cpus()).put("cpu", m.cpu())
                    .put("iowait", m.ioWait()).put("memtotal", n.memTotal()).put("memused", m.memUsed())
                    .put("memavailable", m.memAvailable()).put("arcsize", 0)
                    .put("swaptotal", n.swapTotal()).put("swapused", m.swapUsed())
                    .put("roottotal", n.rootfsTotal()).put("rootused", m.rootUsed())
                    .put("netin", net).put("netout", net * 3 / 4)
                    .put("pressurecpusome", Math.round(m.cpu() * 300) / 100.0).put("pressureiosome", 0)
                    .put("pressureiofull", 0).put("pressurememorysome", 0).put("pressurememoryfull", 0);
        }
        return rows;
    }

    /// AVERAGE reads the bucket's middle; MAX the highest of three points in it.
    private static GuestMetrics sample(long seed, Guest g, long t, long step, Instant now, boolean max) {
        long last = now.getEpochSecond();
        GuestMetrics mid = GuestMetrics.of(seed, g, Instant.ofEpochSecond(Math.min(t + step / 2, last)));
        if (!max) {
            return mid;
        }
        GuestMetrics a = GuestMetrics.of(seed, g, Instant.ofEpochSecond(Math.min(t + step / 6, last)));
        GuestMetrics b = GuestMetrics.of(seed, g, Instant.ofEpochSecond(Math.min(t + 5 * step / 6, last)));
        GuestMetrics best = mid;
        for (GuestMetrics c : new GuestMetrics[] {a, b}) {
            if (c.cpu() > best.cpu()) {
                best = c;
            }
        }
        return best;
    }

    private static double rate(long now, long before, long step) {
        return Math.max(0, now - before) / (double) step;
    }
}
