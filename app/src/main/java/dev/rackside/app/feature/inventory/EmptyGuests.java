package dev.rackside.app.feature.inventory;

import java.util.List;

/// Why the guest table has no rows, so its placeholder tells the operator whether to wait, to add a
/// connection, or to loosen a filter. A pure function of the inventory's state, for tests without
/// a toolkit.
enum EmptyGuests {
    /// A cluster is being started for this inventory (the embedded demo): nothing to do but wait.
    STARTING("empty.starting"),
    NO_CLUSTERS("empty.noclusters"),
    LOADING("empty.loading"),
    NO_GUESTS("empty.noguests"),
    NO_MATCH("empty.nomatch");

    final String messageKey;

    EmptyGuests(String messageKey) {
        this.messageKey = messageKey;
    }

    static EmptyGuests of(boolean starting, List<ClusterHealth> clusters, boolean anyGuests) {
        if (clusters.isEmpty()) {
            return starting ? STARTING : NO_CLUSTERS;
        }
        if (!anyGuests) {
            boolean waiting = clusters.stream().anyMatch(h -> h.state() == ClusterHealth.State.CONNECTING);
            return waiting ? LOADING : NO_GUESTS;
        }
        return NO_MATCH;
    }
}
