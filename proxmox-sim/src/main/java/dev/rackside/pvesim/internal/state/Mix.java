package dev.rackside.pvesim.internal.state;

/// Stateless deterministic noise: the same inputs give the same value on every call, which is
/// what lets two endpoints report identical metrics for one guest at one instant.
final class Mix {
    private Mix() {
    }

    static long hash(long a, long b, long c) {
        long z = a * 0x9E3779B97F4A7C15L + b;
        z = splitmix(z) ^ c;
        return splitmix(z + 0x632BE59BD9B4E019L);
    }

    /// Uniform in [0, 1).
    static double unit(long a, long b, long c) {
        return (hash(a, b, c) >>> 11) * 0x1.0p-53;
    }

    private static long splitmix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
