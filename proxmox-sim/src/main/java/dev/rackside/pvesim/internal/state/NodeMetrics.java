package dev.rackside.pvesim.internal.state;

import java.time.Instant;

/// What a node reports at one instant, derived from the guests that run on it so the node's
/// load follows its guests.
record NodeMetrics(long uptime, double cpu, double ioWait, long memUsed, long memAvailable, long memFree,
                   long swapUsed, long ksmShared, long rootUsed, double[] loadavg) {

    private static final long GIB = 1024L * 1024 * 1024;

    /// @param guestCpuCores sum over running guests of cpu x vCPUs
    /// @param guestMem      sum over running guests of host-side memory
    static NodeMetrics of(long seed, Node n, Instant at, double guestCpuCores, long guestMem) {
        long t = at.getEpochSecond();
        long id = 1_000_000L + n.nodeid();
        long bucket = Math.floorDiv(t, 10);
        double noise = Mix.unit(seed ^ 0xC0DE, id, bucket);
        double cpu = (guestCpuCores + 0.15 + 0.3 * noise) / n.cpus();
        cpu = Math.min(1, Math.max(0.0008, cpu));
        double wait = Math.round(cpu * 0.02 * Mix.unit(seed ^ 0xA17, id, bucket) * 1e6) / 1e6;

        // host services, page tables and the like, before any guest
        long base = (long) ((1.6 + 1.5 * Mix.unit(seed, id, 1)) * GIB);
        long used = Math.min((long) (n.memTotal() * 0.95), base + guestMem);
        long available = n.memTotal() - used;
        long cache = (long) (available * (0.25 + 0.2 * Mix.unit(seed, id, 2)));
        long free = available - cache;
        long swapUsed = n.swapTotal() == 0 ? 0
                : (long) (n.swapTotal() * 0.02 * Mix.unit(seed, id, 3) * (used / (double) n.memTotal()));
        long ksm = used > n.memTotal() * 0.8 ? (long) (used * 0.04) / 4096 * 4096 : 0;
        long uptime = Math.max(0, t - n.bootedAt().getEpochSecond());
        long rootUsed = (long) (n.rootfsTotal() * (0.05 + 0.12 * Mix.unit(seed, id, 4)))
                + uptime * 64 / 4096 * 4096;
        rootUsed = Math.min(rootUsed, n.rootfsTotal() * 9 / 10);

        double load1 = cpu * n.cpus() * (0.9 + 0.2 * noise);
        double slow = (0.5 + 0.5 * Math.sin(2 * Math.PI * t / 86_400.0 + Mix.unit(seed, id, 5) * 6.28));
        double load5 = cpu * n.cpus() * (0.95 + 0.1 * slow);
        double load15 = cpu * n.cpus() * (0.97 + 0.06 * slow);
        return new NodeMetrics(uptime, cpu, wait, used, available, free, swapUsed, ksm, rootUsed,
                new double[] {load1, load5, load15});
    }
}
