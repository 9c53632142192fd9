package dev.rackside.proxmox.model;

import java.util.List;
import java.util.Optional;

/// `GET /cluster/status`: quorum and membership.
///
/// @param cluster absent on a standalone node (PVE sends no `cluster` entry there)
/// @param nodes   every member the cluster knows, online or not
public record ClusterStatus(Optional<Cluster> cluster, List<Member> nodes) {
    public ClusterStatus {
        nodes = List.copyOf(nodes);
    }

    /// A standalone node is always quorate.
    public boolean quorate() {
        return cluster.map(Cluster::quorate).orElse(true);
    }

    /// @param version corosync config version
    public record Cluster(String name, int nodes, boolean quorate, int version) {
    }

    /// @param local whether this is the node answering our requests
    public record Member(String name, int nodeId, String ip, boolean online, boolean local, String level) {
    }
}
