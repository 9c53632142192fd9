package dev.rackside.app.feature.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/// One heading of the grouped guest list.
///
/// @param key the node, pool or tag; empty for guests without pool or tag
public record GuestGroup(String key, List<GuestRow> guests) {
    public GuestGroup {
        guests = List.copyOf(guests);
    }

    /// `guests` under the headings of `by`, headings sorted, the "no pool / no tag" group last.
    /// A guest with several tags is under each of them.
    static List<GuestGroup> of(GroupBy by, List<GuestRow> guests) {
        Map<String, List<GuestRow>> groups = new TreeMap<>((a, b) -> a.isEmpty() || b.isEmpty()
                ? Boolean.compare(a.isEmpty(), b.isEmpty()) : a.compareTo(b));
        for (GuestRow r : guests) {
            for (String key : by.keys(r)) {
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
            }
        }
        return groups.entrySet().stream().map(e -> new GuestGroup(e.getKey(), e.getValue())).toList();
    }
}
