package dev.rackside.pvesim.internal.state;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// An immutable view of the whole cluster, replaced as a unit on every change so that one
/// request never sees half of a change.
record Snapshot(List<Node> nodes, Map<String, Node> nodeByName, List<Guest> guests,
                Map<Integer, Integer> indexByVmid, Map<String, List<Guest>> guestsByNode,
                int[] resourceOrder, Map<String, Long> thinAllocated, long cephAllocated) {

    static Snapshot of(List<Node> nodes, List<Guest> unsorted) {
        List<Guest> guests = new ArrayList<>(unsorted);
        guests.sort(Comparator.comparingInt(Guest::vmid));
        Map<String, Node> byName = new LinkedHashMap<>();
        Map<String, List<Guest>> byNode = new HashMap<>();
        Map<String, Long> thin = new HashMap<>();
        for (Node n : nodes) {
            byName.put(n.name(), n);
            byNode.put(n.name(), new ArrayList<>());
            thin.put(n.name(), 0L);
        }
        Map<Integer, Integer> index = new HashMap<>();
        long ceph = 0;
        for (int i = 0; i < guests.size(); i++) {
            Guest g = guests.get(i);
            index.put(g.vmid(), i);
            byNode.get(g.node()).add(g);
            if ("ceph-vm".equals(g.spec().storage())) {
                ceph += g.spec().diskBytes();
            } else {
                thin.merge(g.node(), g.spec().diskBytes(), Long::sum);
            }
        }
        byNode.replaceAll((k, v) -> Collections.unmodifiableList(v));
        // pve-manager walks `sort keys %$idlist`: a string sort, so 1000 comes before 101
        Integer[] order = new Integer[guests.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparing(i -> Integer.toString(guests.get(i).vmid())));
        int[] resourceOrder = Arrays.stream(order).mapToInt(Integer::intValue).toArray();
        return new Snapshot(List.copyOf(nodes), Collections.unmodifiableMap(byName),
                Collections.unmodifiableList(guests), index, byNode, resourceOrder, thin, ceph);
    }

    Guest guest(int vmid) {
        Integer i = indexByVmid.get(vmid);
        return i == null ? null : guests.get(i);
    }

    Snapshot withGuest(Guest changed) {
        List<Guest> next = new ArrayList<>(guests);
        next.set(indexByVmid.get(changed.vmid()), changed);
        return of(nodes, next);
    }

    Snapshot withNode(Node changed) {
        List<Node> next = new ArrayList<>(nodes);
        next.replaceAll(n -> n.name().equals(changed.name()) ? changed : n);
        return of(next, guests);
    }
}
