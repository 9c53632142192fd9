package dev.rackside.app.feature.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rackside.proxmox.model.ClusterResource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

/// The diff/apply step on its own: an unchanged snapshot must not wake a single listener.
class InventoryRowsTest {

    @Test
    void applyingAnIdenticalSnapshotChangesNothingAndOneMovedValueChangesOneProperty() throws Exception {
        InventorySnapshot snap;
        try (InventorySim sim = new InventorySim(4, 120)) {
            snap = InventorySnapshot.of(sim.client.cluster().resources());
        }
        InventoryRows rows = new InventoryRows();
        assertTrue(rows.apply("c", "C", snap) > 0, "the first apply fills the rows");
        assertEquals(snap.guests().size(), rows.guests().size());

        AtomicInteger events = new AtomicInteger();
        for (GuestRow r : rows.guests()) {
            r.allObservables().forEach(o -> o.addListener(x -> events.incrementAndGet()));
        }
        rows.guests().addListener((ListChangeListener<GuestRow>) c -> events.incrementAndGet());

        assertEquals(0, rows.apply("c", "C", snap));
        assertEquals(0, events.get(), "no property or list event for an identical snapshot");

        // Control: the same snapshot with one guest's CPU moved fires exactly one property event.
        List<ClusterResource.Guest> guests = new ArrayList<>(snap.guests());
        ClusterResource.Guest g = guests.getFirst();
        guests.set(0, new ClusterResource.Guest(g.id(), g.guestType(), g.vmid(), g.name(), g.node(), g.status(),
                g.template(), g.cpu() + 0.25, g.maxcpu(), g.mem(), g.maxmem(), g.memhost(), g.disk(), g.maxdisk(),
                g.netin(), g.netout(), g.diskread(), g.diskwrite(), g.uptime(), g.tags(), g.lock(), g.pool(), g.hastate()));
        assertEquals(1, rows.apply("c", "C", new InventorySnapshot(guests, snap.nodes(), snap.storages(), snap.pools())));
        assertEquals(1, events.get());
    }

    @Test
    void vanishedGuestsAreRemovedAndNewOnesAddedWithoutTouchingTheRest() throws Exception {
        InventorySnapshot snap;
        try (InventorySim sim = new InventorySim(2, 30)) {
            snap = InventorySnapshot.of(sim.client.cluster().resources());
        }
        InventoryRows rows = new InventoryRows();
        rows.apply("c", "C", snap);
        GuestRow kept = rows.guests().get(1);
        List<ClusterResource.Guest> fewer = new ArrayList<>(snap.guests());
        ClusterResource.Guest gone = fewer.removeFirst();
        rows.apply("c", "C", new InventorySnapshot(fewer, snap.nodes(), snap.storages(), snap.pools()));
        assertEquals(snap.guests().size() - 1, rows.guests().size());
        assertTrue(rows.guests().stream().noneMatch(r -> r.vmid() == gone.vmid()));
        assertTrue(rows.guests().contains(kept));

        rows.apply("c", "C", snap);
        assertEquals(snap.guests().size(), rows.guests().size());
        assertTrue(rows.guests().stream().anyMatch(r -> r.vmid() == gone.vmid()), "it came back (restored)");
        assertTrue(rows.guests().contains(kept));
    }
}
