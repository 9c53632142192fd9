package dev.rackside.app.feature.inventory;

import java.util.List;

/// One heading of the grouped guest list.
///
/// @param key the node, pool or tag; empty for guests without pool or tag
public record GuestGroup(String key, List<GuestRow> guests) {
    public GuestGroup {
        guests = List.copyOf(guests);
    }
}
