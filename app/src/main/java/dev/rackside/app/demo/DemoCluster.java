package dev.rackside.app.demo;

import dev.rackside.app.cluster.ClusterSession;
import dev.rackside.proxmox.ConnectionSpec;
import dev.rackside.proxmox.Credentials;
import dev.rackside.proxmox.ProxmoxClient;
import dev.rackside.proxmox.Secret;
import dev.rackside.proxmox.TrustPolicy;
import dev.rackside.pvesim.SimulatedCluster;
import dev.rackside.pvesim.SimulatorOptions;
import java.time.Duration;

/// The embedded demo: a simulated Proxmox VE cluster started in-process on loopback, connected
/// like any other cluster (token auth, pinned certificate), so the whole console works without one.
public final class DemoCluster implements AutoCloseable {
    public static final String SESSION_ID = "demo";

    private final SimulatedCluster simulator;
    private final ClusterSession session;

    private DemoCluster(SimulatedCluster simulator, String name) {
        this.simulator = simulator;
        var spec = new ConnectionSpec(simulator.host(), simulator.port(),
                new Credentials.ApiToken(SimulatedCluster.ROOT, SimulatedCluster.TOKEN_ID, Secret.of(simulator.apiTokenSecret())),
                TrustPolicy.pinned(simulator.fingerprint()), Duration.ofSeconds(5), Duration.ofSeconds(30));
        this.session = new ClusterSession(SESSION_ID, name, ProxmoxClient.connect(spec));
    }

    /// Three nodes and 24 guests with real PVE task timings.
    public static DemoCluster start(String name) {
        return start(name, SimulatorOptions.defaults());
    }

    public static DemoCluster start(String name, SimulatorOptions options) {
        return new DemoCluster(SimulatedCluster.start(options), name);
    }

    public ClusterSession session() {
        return session;
    }

    public SimulatedCluster simulator() {
        return simulator;
    }

    @Override
    public void close() {
        session.client().close();
        simulator.close();
    }
}
