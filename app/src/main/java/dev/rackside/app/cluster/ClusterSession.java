package dev.rackside.app.cluster;

import dev.rackside.proxmox.ProxmoxClient;
import java.util.Objects;

/// One connected cluster: the profile it came from (by id and display name) and its logged-in client.
///
/// @param id   the profile id (stable across restarts), or `demo` for the embedded demo cluster
/// @param name what the operator calls the cluster
public record ClusterSession(String id, String name, ProxmoxClient client) {
    public ClusterSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(client, "client");
    }
}
