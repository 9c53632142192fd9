package dev.rackside.app.feature.inventory;

import dev.rackside.proxmox.model.ClusterResource;
import java.util.ArrayList;
import java.util.List;

/// One answer of `/cluster/resources`, sorted into kinds on the background thread so that the FX
/// thread only has to apply it.
record InventorySnapshot(List<ClusterResource.Guest> guests, List<ClusterResource.Node> nodes,
                         List<ClusterResource.Storage> storages, List<String> pools) {

    static InventorySnapshot of(List<ClusterResource> resources) {
        List<ClusterResource.Guest> guests = new ArrayList<>(resources.size());
        List<ClusterResource.Node> nodes = new ArrayList<>();
        List<ClusterResource.Storage> storages = new ArrayList<>();
        List<String> pools = new ArrayList<>();
        for (ClusterResource r : resources) {
            switch (r) {
                case ClusterResource.Guest g -> guests.add(g);
                case ClusterResource.Node n -> nodes.add(n);
                case ClusterResource.Storage s -> storages.add(s);
                case ClusterResource.Pool p -> pools.add(p.pool());
                // SDN zones and kinds newer than this client are not part of the inventory yet
                case ClusterResource.Sdn s -> { }
                case ClusterResource.Other o -> { }
            }
        }
        return new InventorySnapshot(List.copyOf(guests), List.copyOf(nodes), List.copyOf(storages), List.copyOf(pools));
    }
}
