package dev.rackside.app.feature.inventory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/// The inventory's rows for every cluster, kept in place across refreshes.
///
/// [#apply] is the only work a refresh does on the FX thread: one hash lookup per guest, property
/// writes only where a value moved, and list changes only for guests that appeared or vanished.
final class InventoryRows {
    private final ObservableList<GuestRow> guests =
            FXCollections.observableArrayList(GuestRow::filterInputs);
    private final ObservableList<NodeRow> nodes = FXCollections.observableArrayList(n -> new javafx.beans.Observable[] {n.statusProperty()});
    private final ObservableList<StorageRow> storages = FXCollections.observableArrayList();
    private final ObservableList<PoolRef> pools = FXCollections.observableArrayList();
    private final Map<String, ClusterIndex> clusters = new HashMap<>();

    /// One cluster's rows by their identity within the cluster.
    private static final class ClusterIndex {
        final Map<Integer, GuestRow> guests = new HashMap<>();
        final Map<String, NodeRow> nodes = new HashMap<>();
        final Map<String, StorageRow> storages = new HashMap<>();
        final Map<String, PoolRef> pools = new HashMap<>();
        int generation;
    }

    ObservableList<GuestRow> guests() {
        return guests;
    }

    ObservableList<NodeRow> nodes() {
        return nodes;
    }

    ObservableList<StorageRow> storages() {
        return storages;
    }

    ObservableList<PoolRef> pools() {
        return pools;
    }

    /// Applies one cluster's snapshot.
    ///
    /// @return the number of guest properties that changed, for benchmarks and tests
    int apply(String clusterId, String clusterName, InventorySnapshot snap) {
        ClusterIndex idx = clusters.computeIfAbsent(clusterId, k -> new ClusterIndex());
        int gen = ++idx.generation;
        int changed = 0;
        List<GuestRow> added = new ArrayList<>();
        for (var g : snap.guests()) {
            GuestRow row = idx.guests.get(g.vmid());
            if (row == null) {
                row = new GuestRow(clusterId, clusterName, g.vmid());
                idx.guests.put(g.vmid(), row);
                added.add(row);
            }
            changed += row.apply(g);
            row.seen = gen;
        }
        if (idx.guests.size() > snap.guests().size()) {
            List<GuestRow> gone = new ArrayList<>();
            idx.guests.values().removeIf(r -> r.seen != gen && gone.add(r));
            removeAll(guests, gone);
        }
        guests.addAll(added);

        Set<String> seen = new java.util.HashSet<>();
        List<NodeRow> newNodes = new ArrayList<>();
        for (var n : snap.nodes()) {
            NodeRow row = idx.nodes.computeIfAbsent(n.node(), k -> {
                NodeRow r = new NodeRow(clusterId, k);
                newNodes.add(r);
                return r;
            });
            row.apply(n);
            seen.add(n.node());
        }
        removeAll(nodes, drop(idx.nodes, seen));
        nodes.addAll(newNodes);

        seen.clear();
        List<StorageRow> newStorages = new ArrayList<>();
        for (var s : snap.storages()) {
            StorageRow row = idx.storages.computeIfAbsent(s.id(), k -> {
                StorageRow r = new StorageRow(clusterId, s);
                newStorages.add(r);
                return r;
            });
            row.apply(s);
            seen.add(s.id());
        }
        removeAll(storages, drop(idx.storages, seen));
        storages.addAll(newStorages);

        seen.clear();
        List<PoolRef> newPools = new ArrayList<>();
        for (String p : snap.pools()) {
            idx.pools.computeIfAbsent(p, k -> {
                PoolRef r = new PoolRef(clusterId, k);
                newPools.add(r);
                return r;
            });
            seen.add(p);
        }
        removeAll(pools, drop(idx.pools, seen));
        pools.addAll(newPools);
        return changed;
    }

    /// Keeps a cluster's rows on screen but flags them as last known state.
    void markStale(String clusterId) {
        ClusterIndex idx = clusters.get(clusterId);
        if (idx != null) {
            idx.guests.values().forEach(GuestRow::markStale);
        }
    }

    /// Drops everything of a disconnected cluster.
    void removeCluster(String clusterId) {
        ClusterIndex idx = clusters.remove(clusterId);
        if (idx != null) {
            removeAll(guests, idx.guests.values());
            removeAll(nodes, idx.nodes.values());
            removeAll(storages, idx.storages.values());
            removeAll(pools, idx.pools.values());
        }
    }

    private static <R> List<R> drop(Map<String, R> index, Set<String> keep) {
        if (index.size() == keep.size()) {
            return List.of();
        }
        List<R> gone = new ArrayList<>();
        index.entrySet().removeIf(e -> !keep.contains(e.getKey()) && gone.add(e.getValue()));
        return gone;
    }

    private static <R> void removeAll(ObservableList<R> list, java.util.Collection<R> gone) {
        if (gone.isEmpty()) {
            return;
        }
        // An identity set makes removeAll linear; the list would otherwise call contains() per element.
        Set<R> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(gone);
        list.removeAll(set);
    }

    /// The resource tree below a node: its guests, in VMID order.
    List<GuestRow> guestsOn(NodeRow node) {
        return guests.stream().filter(new Scope.OnNode(node.clusterId(), node.name())::contains)
                .sorted(java.util.Comparator.comparingInt(GuestRow::vmid)).toList();
    }

    /// The resource tree below a node: the storages it sees.
    List<StorageRow> storagesOn(NodeRow node) {
        return storages.stream().filter(s -> s.clusterId().equals(node.clusterId()) && s.node().equals(node.name()))
                .toList();
    }
}
