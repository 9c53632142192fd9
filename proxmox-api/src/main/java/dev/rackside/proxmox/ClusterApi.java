package dev.rackside.proxmox;

import dev.rackside.proxmox.internal.Api;
import dev.rackside.proxmox.internal.InventoryDecoder;
import dev.rackside.proxmox.internal.Params;
import dev.rackside.proxmox.internal.TaskDecoder;
import dev.rackside.proxmox.model.ClusterLogEntry;
import dev.rackside.proxmox.model.ClusterResource;
import dev.rackside.proxmox.model.ClusterStatus;
import dev.rackside.proxmox.model.ResourceType;
import java.util.List;

/// Cluster-wide reads: membership, the resource list that drives the inventory, and the cluster log.
public final class ClusterApi {
    private final Api api;

    ClusterApi(Api api) {
        this.api = api;
    }

    /// `GET /cluster/status` (needs `Sys.Audit` on `/`).
    public ClusterStatus status() throws ProxmoxException {
        return InventoryDecoder.clusterStatus(api.get("/cluster/status", Params.of()).data());
    }

    /// `GET /cluster/resources`: every node, guest, storage, pool and SDN zone the user may see.
    public List<ClusterResource> resources() throws ProxmoxException {
        return InventoryDecoder.resources(api.get("/cluster/resources", Params.of()).data());
    }

    /// `GET /cluster/resources?type=…`: one kind only (`VM` = QEMU and LXC).
    public List<ClusterResource> resources(ResourceType type) throws ProxmoxException {
        return InventoryDecoder.resources(api.get("/cluster/resources", Params.of().add("type", type.wire())).data());
    }

    /// `GET /cluster/log?max=N`, newest first. PVE keeps a ring buffer, so old entries disappear.
    public List<ClusterLogEntry> log(int max) throws ProxmoxException {
        if (max < 1) {
            throw new IllegalArgumentException("max must be >= 1");
        }
        return TaskDecoder.clusterLog(api.get("/cluster/log", Params.of().add("max", max)).data());
    }
}
