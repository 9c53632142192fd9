package dev.rackside.pvesim.internal.state;

import java.time.Instant;

/// What a guest reports at one instant. Every value is a pure function of (seed, guest, instant),
/// so `/cluster/resources`, the node lists and `status/current` agree whenever they are asked
/// about the same instant, and move when the clock moves.
///
/// Counters (`netin` ...) are cumulative bytes since the process started: the closed-form integral
/// of a positive rate, so they only grow while the guest runs and restart from 0 on a new start.
record GuestMetrics(boolean running, long uptime, double cpu, long maxmem, long mem, long memhost,
                    long balloonTotal, long maxdisk, long disk, long netin, long netout, long diskread,
                    long diskwrite, double[] pressure) {

    private static final long MIB = 1024L * 1024;
    private static final int BUCKET = 10;

    static GuestMetrics of(long seed, Guest g, Instant at) {
        GuestSpec s = g.spec();
        long maxmem = s.maxmemBytes();
        long maxdisk = s.diskBytes();
        if (!g.runState().hasProcess()) {
            return new GuestMetrics(false, 0, 0, maxmem, 0, 0, 0, maxdisk, 0, 0, 0, 0, 0, null);
        }
        long t = at.getEpochSecond();
        long vmid = g.vmid();
        long uptime = Math.max(0, t - g.startedAt().getEpochSecond());
        long active = g.activeSeconds(at);
        boolean working = g.runState() == RunState.RUNNING;
        long bucket = Math.floorDiv(t, BUCKET);

        double cpu = 0;
        if (working) {
            double base = 0.01 + 0.45 * Math.pow(u(seed, vmid, 1), 2.5);
            double daily = 0.5 + 0.5 * Math.sin(2 * Math.PI * t / 86_400.0 + 6.28 * u(seed, vmid, 2));
            double period = 300 + 1500 * u(seed, vmid, 3);
            double wave = Math.sin(2 * Math.PI * t / period + 6.28 * u(seed, vmid, 4));
            double noise = Mix.unit(seed ^ 0x5EED, vmid, bucket) - 0.5;
            cpu = base * (0.55 + 0.7 * daily + 0.25 * wave) + 0.03 * noise * (0.2 + base);
            cpu = Math.min(1, Math.max(0.0004, cpu));
        }

        // guests fill their memory over the first quarter hour after boot
        double ramp = Math.min(1, 0.35 + 0.65 * uptime / 900.0);
        double memFrac = 0.22 + 0.6 * u(seed, vmid, 5)
                + 0.03 * Math.sin(2 * Math.PI * t / 3600.0 + 6.28 * u(seed, vmid, 6))
                + 0.01 * (Mix.unit(seed ^ 0x3E3, vmid, bucket) - 0.5);
        memFrac = Math.min(0.97, Math.max(0.05, memFrac * ramp));
        long balloonTotal = 0;
        long mem;
        long memhost = 0;
        if (g.type() == GuestKind.QEMU) {
            // what the balloon driver reports as the guest's total: a bit under maxmem
            long total = maxmem - (64 + maxmem / MIB / 40) * MIB;
            long guestUsed = (long) (total * memFrac) / 4096 * 4096;
            long overhead = 90 * MIB + maxmem / 200;
            memhost = Math.min(maxmem + overhead, guestUsed + (long) ((maxmem - guestUsed) * 0.35) + overhead)
                    / 4096 * 4096;
            if (hasBalloonDriver(g)) {
                balloonTotal = total;
                mem = guestUsed;
            } else {
                // without balloon statistics qemu-server reports the cgroup usage as mem
                mem = memhost;
            }
        } else {
            mem = (long) (maxmem * memFrac * 0.8) / 4096 * 4096;
        }

        long disk = 0;
        if (g.type() == GuestKind.LXC) {
            disk = (long) (maxdisk * (0.12 + 0.5 * u(seed, vmid, 7))) + active * 512;
            disk = Math.min(disk, maxdisk - maxdisk / 50) / 4096 * 4096;
        }

        double scale = 1 + 40 * Math.pow(u(seed, vmid, 8), 3);
        long netin = counter(seed, vmid, 9, 2_000 * scale, active);
        long netout = counter(seed, vmid, 10, 800 * scale, active);
        long diskread = counter(seed, vmid, 11, 3_000 * scale, active) / 512 * 512;
        long diskwrite = counter(seed, vmid, 12, 9_000 * scale, active) / 512 * 512;

        double[] pressure = new double[6];
        if (working) {
            for (int i = 0; i < 6; i++) {
                double p = Mix.unit(seed ^ (0x7700 + i), vmid, bucket);
                // most of the time nothing stalls; "full" is rarer than "some"
                pressure[i] = p < (i % 2 == 0 ? 0.6 : 0.85) ? 0 : Math.round(p * cpu * 800) / 100.0;
            }
        }
        return new GuestMetrics(true, uptime, cpu, maxmem, mem, memhost, balloonTotal, maxdisk, disk, netin,
                netout, diskread, diskwrite, pressure);
    }

    private static double u(long seed, long vmid, int what) {
        return Mix.unit(seed, vmid, what);
    }

    /// Integral of rate(τ) = r(1 + a sin(2πτ/P + φ)) from 0 to `active`; a < 1 keeps the rate positive.
    private static long counter(long seed, long vmid, int what, double meanRate, long active) {
        double r = meanRate * (0.3 + 1.4 * u(seed, vmid, what));
        double p = 900 + 6000 * u(seed, vmid, what + 100);
        double phi = 6.28 * u(seed, vmid, what + 200);
        double a = 0.6;
        double k = a * p / (2 * Math.PI);
        double f = r * (active - k * Math.cos(2 * Math.PI * active / p + phi) + k * Math.cos(phi));
        return Math.max(0, (long) f);
    }

    /// Whether `query-balloon` answers for this guest: every OS we generate has virtio drivers
    /// except the `other` appliances.
    static boolean hasBalloonDriver(Guest g) {
        return g.type() == GuestKind.QEMU && !"other".equals(g.spec().ostype());
    }

    long freemem() {
        return balloonTotal - mem;
    }
}
