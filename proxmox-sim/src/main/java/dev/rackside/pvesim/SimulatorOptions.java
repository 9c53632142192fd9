package dev.rackside.pvesim;

import java.time.Duration;
import java.util.Objects;

/// How to start a [SimulatedCluster].
///
/// @param bindAddress        loopback by default; the simulator is never meant to be reachable from outside
/// @param port               0 picks a free port
/// @param nodes              cluster size (1-64)
/// @param guests             VMs and containers across all nodes (0-5,000+)
/// @param seed               makes the generated inventory repeatable
/// @param clock              simulated time; tests move it forward
/// @param authFailureDelay   PVE delays failed logins by 3 s; tests may shorten it
/// @param taskDurationScale  1.0 runs tasks as long as on real hardware (seconds); 0.05 makes them 20x faster
/// @param apiTokenSecret     the secret of `root@pam!rackside`; null generates a random one
public record SimulatorOptions(String bindAddress, int port, int nodes, int guests, long seed, SimClock clock,
                               Duration authFailureDelay, double taskDurationScale, String apiTokenSecret) {
    public SimulatorOptions {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(authFailureDelay, "authFailureDelay");
        if (nodes < 1 || nodes > 64) {
            throw new IllegalArgumentException("nodes must be 1-64, got " + nodes);
        }
        if (guests < 0) {
            throw new IllegalArgumentException("guests must be >= 0");
        }
        if (taskDurationScale <= 0) {
            throw new IllegalArgumentException("taskDurationScale must be > 0");
        }
    }

    /// Three nodes, 24 guests, real PVE timings, a random free port on 127.0.0.1.
    public static SimulatorOptions defaults() {
        return new SimulatorOptions("127.0.0.1", 0, 3, 24, 42, SimClock.system(), Duration.ofSeconds(3), 1.0, null);
    }

    public SimulatorOptions withPort(int p) {
        return new SimulatorOptions(bindAddress, p, nodes, guests, seed, clock, authFailureDelay, taskDurationScale, apiTokenSecret);
    }

    public SimulatorOptions withSize(int n, int g) {
        return new SimulatorOptions(bindAddress, port, n, g, seed, clock, authFailureDelay, taskDurationScale, apiTokenSecret);
    }

    public SimulatorOptions withSeed(long s) {
        return new SimulatorOptions(bindAddress, port, nodes, guests, s, clock, authFailureDelay, taskDurationScale, apiTokenSecret);
    }

    public SimulatorOptions withClock(SimClock c) {
        return new SimulatorOptions(bindAddress, port, nodes, guests, seed, c, authFailureDelay, taskDurationScale, apiTokenSecret);
    }

    /// Fast tasks and a short authentication-failure delay, for tests.
    public SimulatorOptions fast() {
        return new SimulatorOptions(bindAddress, port, nodes, guests, seed, clock, Duration.ofMillis(50), 0.05, apiTokenSecret);
    }

    public SimulatorOptions withApiTokenSecret(String secret) {
        return new SimulatorOptions(bindAddress, port, nodes, guests, seed, clock, authFailureDelay, taskDurationScale, secret);
    }
}
