package dev.rackside.app.feature.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/// What the empty guest table tells the operator, for each state of the inventory.
class EmptyGuestsTest {
    @Test
    void eachStateHasItsReason() {
        ClusterHealth connecting = new ClusterHealth("a", "A");
        ClusterHealth online = new ClusterHealth("b", "B");
        online.succeeded(Instant.EPOCH);
        ClusterHealth failed = new ClusterHealth("c", "C");
        failed.failed(ClusterHealth.State.FAILED, "refused");

        assertEquals(EmptyGuests.STARTING, EmptyGuests.of(true, List.of(), false), "the demo is starting: wait");
        assertEquals(EmptyGuests.NO_CLUSTERS, EmptyGuests.of(false, List.of(), false), "nothing connected: add a connection");
        assertEquals(EmptyGuests.LOADING, EmptyGuests.of(false, List.of(online, connecting), false));
        assertEquals(EmptyGuests.LOADING, EmptyGuests.of(true, List.of(connecting), false), "connected, first refresh due");
        assertEquals(EmptyGuests.NO_GUESTS, EmptyGuests.of(false, List.of(online, failed), false));
        assertEquals(EmptyGuests.NO_MATCH, EmptyGuests.of(false, List.of(online), true), "guests exist, the filters hide them");
    }
}
