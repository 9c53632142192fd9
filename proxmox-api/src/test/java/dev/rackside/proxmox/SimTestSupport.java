package dev.rackside.proxmox;

import dev.rackside.proxmox.model.ClusterResource;
import dev.rackside.proxmox.model.ResourceType;
import dev.rackside.pvesim.SimulatedCluster;
import java.time.Duration;
import java.time.InstantSource;
import java.util.function.Predicate;

/// Helpers shared by the client-against-simulator tests.
final class SimTestSupport {
    private SimTestSupport() {
    }

    static ConnectionSpec spec(SimulatedCluster pve, Credentials credentials, TrustPolicy trust) {
        return new ConnectionSpec(pve.host(), pve.port(), credentials, trust, Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    static Credentials rootToken(SimulatedCluster pve) {
        return new Credentials.ApiToken(SimulatedCluster.ROOT, SimulatedCluster.TOKEN_ID, Secret.of(pve.apiTokenSecret()));
    }

    static Credentials rootPassword() {
        return new Credentials.Password("root", "pam", Secret.of(SimulatedCluster.ROOT_PASSWORD));
    }

    static ProxmoxClient client(SimulatedCluster pve, Credentials credentials) {
        return client(pve, credentials, pve.clock());
    }

    static ProxmoxClient client(SimulatedCluster pve, Credentials credentials, InstantSource clock) {
        return ProxmoxClient.builder(spec(pve, credentials, TrustPolicy.pinned(pve.fingerprint())))
                .clock(clock).retries(2, Duration.ofMillis(20)).build();
    }

    /// A guest on an online node matching `filter`, found through the API like an operator would.
    static ClusterResource.Guest guest(ProxmoxClient c, Predicate<ClusterResource.Guest> filter) throws ProxmoxException {
        return c.cluster().resources(ResourceType.VM).stream()
                .filter(r -> r instanceof ClusterResource.Guest).map(r -> (ClusterResource.Guest) r)
                .filter(g -> !g.template() && g.lock().isEmpty() && g.hastate().isEmpty())
                .filter(filter).findFirst()
                .orElseThrow(() -> new AssertionError("the simulated inventory has no such guest"));
    }
}
