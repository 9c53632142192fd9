package dev.rackside.pvesim.internal.state;

/// Sizes of the four storages as one node reports them.
final class StorageSizes {

    private static final long TIB = 1024L * 1024 * 1024 * 1024;

    private StorageSizes() {
    }

    /// @return `{maxdisk, disk}` in bytes
    static long[] of(Frame f, StorageDef s, Node n, NodeMetrics m) {
        long days = f.now.getEpochSecond() / 86_400;
        return switch (s.id()) {
            // `local` is a directory on the root filesystem, so it reports the node's own rootfs
            case "local" -> new long[] {n.rootfsTotal(), m.rootUsed()};
            case "local-lvm" -> {
                long allocated = f.snap.thinAllocated().getOrDefault(n.name(), 0L);
                // thin volumes are only partly written
                long used = Math.min(n.thinTotal() * 92 / 100, allocated * 48 / 100 + n.thinTotal() / 200);
                yield new long[] {n.thinTotal(), used};
            }
            case "nfs-backup" -> {
                long total = 32 * TIB;
                long used = (long) (total * (0.38 + 0.2 * (0.5 + 0.5 * Math.sin(days / 9.0))));
                yield new long[] {total, used / 4096 * 4096};
            }
            case "ceph-vm" -> {
                long total = Math.max(8 * TIB, f.snap.cephAllocated() * 2);
                yield new long[] {total, f.snap.cephAllocated() * 45 / 100 / 4096 * 4096};
            }
            default -> throw new IllegalArgumentException(s.id());
        };
    }
}
