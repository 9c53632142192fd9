package dev.rackside.app.feature.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rackside.app.fx.Background;
import dev.rackside.proxmox.model.ClusterResource;
import dev.rackside.proxmox.model.GuestType;
import dev.rackside.proxmox.model.PowerAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/// The inventory ViewModel against a real simulated cluster, on the calling thread.
class InventoryViewModelTest {
    private InventorySim sim;
    private InventoryViewModel vm;

    @BeforeEach
    void connect() {
        sim = new InventorySim(3, 40);
        vm = sim.viewModel(Background.direct());
    }

    @AfterEach
    void close() {
        vm.stop();
        sim.close();
    }

    private GuestRow row(int vmid) {
        return vm.allGuests().stream().filter(r -> r.vmid() == vmid).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + vmid));
    }

    @Test
    void theFirstRefreshShowsEveryGuestNodeAndPool() throws Exception {
        assertTrue(vm.allGuests().isEmpty());
        vm.start();
        assertEquals(InventoryViewModel.DEFAULT_INTERVAL, sim.scheduler.interval);
        List<ClusterResource.Guest> expected = sim.guests();
        assertEquals(expected.size(), vm.allGuests().size());
        ClusterResource.Guest some = expected.get(expected.size() / 2);
        GuestRow r = row(some.vmid());
        assertEquals(some.name(), r.nameProperty().get());
        assertEquals(some.node(), r.nodeProperty().get());
        assertEquals(some.tags(), r.tags());
        assertEquals(Set.of("pve1", "pve2", "pve3"), vm.nodes().stream().map(NodeRow::name).collect(Collectors.toSet()));
        assertFalse(vm.pools().isEmpty());
        assertEquals(ClusterHealth.State.ONLINE, vm.clusters().getFirst().state());
        assertNotNull(vm.lastRefreshProperty().get());
        assertEquals(vm.allGuests().size(), vm.visibleGuests().size());
    }

    @Test
    void aStartedVmTurnsRunningInItsExistingRow() throws Exception {
        vm.start();
        var stopped = sim.guest(g -> g.guestType() == GuestType.QEMU && "stopped".equals(g.status()));
        GuestRow before = row(stopped.vmid());
        int index = vm.allGuests().indexOf(before);
        List<ListChangeListener.Change<? extends GuestRow>> structural = new ArrayList<>();
        vm.allGuests().addListener((ListChangeListener<GuestRow>) c -> {
            while (c.next()) {
                if (c.wasAdded() || c.wasRemoved() || c.wasPermutated()) {
                    structural.add(c);
                }
            }
        });

        assertTrue(sim.await(sim.client.guests().power(stopped.ref(), PowerAction.START)).succeeded());
        sim.scheduler.tick();

        assertSame(before, vm.allGuests().get(index), "the same row object, at the same place");
        assertEquals("running", before.status());
        assertTrue(before.uptimeProperty().get() >= 0);
        assertTrue(structural.isEmpty(), "no rows added, removed or reordered: " + structural);
    }

    @Test
    void searchMatchesNameVmidTagAndNode() throws Exception {
        vm.start();
        var tagged = sim.guest(g -> !g.tags().isEmpty());
        vm.searchProperty().set(tagged.name().toUpperCase());
        assertTrue(vm.visibleGuests().stream().anyMatch(r -> r.vmid() == tagged.vmid()));
        assertTrue(vm.visibleGuests().stream().allMatch(r -> r.nameProperty().get().contains(tagged.name())));

        vm.searchProperty().set(Integer.toString(tagged.vmid()));
        assertEquals(List.of(tagged.vmid()), vm.visibleGuests().stream().map(GuestRow::vmid).toList());

        String tag = tagged.tags().getFirst();
        vm.searchProperty().set(tag);
        long withTag = sim.guests().stream().filter(g -> g.tags().stream().anyMatch(t -> t.contains(tag))
                || g.name().contains(tag) || g.node().contains(tag)).count();
        assertEquals(withTag, vm.visibleGuests().size());

        vm.searchProperty().set("pve2 " + tag);
        assertTrue(vm.visibleGuests().stream().allMatch(r -> r.nodeProperty().get().equals("pve2")
                && (r.tags().stream().anyMatch(t -> t.contains(tag)) || r.nameProperty().get().contains(tag))));

        vm.searchProperty().set("");
        assertEquals(vm.allGuests().size(), vm.visibleGuests().size());
    }

    @Test
    void typeStatusAndScopeFiltersCombine() throws Exception {
        vm.start();
        vm.typeFilterProperty().set(GuestType.LXC);
        long lxc = sim.guests().stream().filter(g -> g.guestType() == GuestType.LXC).count();
        assertTrue(lxc > 0);
        assertEquals(lxc, vm.visibleGuests().size());

        vm.statusFilterProperty().set(StatusFilter.STOPPED);
        long stoppedLxc = sim.guests().stream().filter(g -> g.guestType() == GuestType.LXC && "stopped".equals(g.status())).count();
        assertEquals(stoppedLxc, vm.visibleGuests().size());

        vm.typeFilterProperty().set(null);
        vm.statusFilterProperty().set(StatusFilter.ANY);
        vm.scopeProperty().set(new Scope.OnNode("lab", "pve3"));
        assertEquals(sim.guests().stream().filter(g -> g.node().equals("pve3")).count(), vm.visibleGuests().size());
        NodeRow pve3 = vm.nodes().stream().filter(n -> n.name().equals("pve3")).findFirst().orElseThrow();
        assertEquals(vm.visibleGuests().size(), vm.guestsOn(pve3).size());
        assertFalse(vm.storagesOn(pve3).isEmpty());
    }

    @Test
    void groupingByNodeAndTag() throws Exception {
        vm.start();
        vm.groupByProperty().set(GroupBy.NODE);
        List<GuestGroup> byNode = vm.groups();
        assertEquals(List.of("pve1", "pve2", "pve3"), byNode.stream().map(GuestGroup::key).toList());
        assertEquals(vm.visibleGuests().size(), byNode.stream().mapToInt(g -> g.guests().size()).sum());
        byNode.forEach(g -> assertTrue(g.guests().stream().allMatch(r -> r.nodeProperty().get().equals(g.key()))));

        vm.groupByProperty().set(GroupBy.TAG);
        List<GuestGroup> byTag = vm.groups();
        long memberships = vm.visibleGuests().stream().mapToLong(r -> Math.max(1, r.tags().size())).sum();
        assertEquals(memberships, byTag.stream().mapToInt(g -> g.guests().size()).sum(), "one entry per tag");
        if (byTag.stream().anyMatch(g -> g.key().isEmpty())) {
            assertTrue(byTag.getLast().key().isEmpty(), "untagged guests come last");
        }
    }

    @Test
    void anOfflineNodeIsShownOfflineAndItsGuestsBecomeUnknownAfterFiveMinutes() throws Exception {
        vm.start();
        var onPve3 = sim.guest(g -> g.node().equals("pve3") && g.running());
        GuestRow row = row(onPve3.vmid());
        NodeRow node = vm.nodes().stream().filter(n -> n.name().equals("pve3")).findFirst().orElseThrow();
        assertTrue(node.online());

        sim.pve.setNodeOnline("pve3", false);
        vm.refresh();
        assertFalse(node.online(), "the same node row turns offline");
        assertEquals("offline", node.statusProperty().get());

        sim.clock.advance(Duration.ofMinutes(6));
        vm.refresh();
        assertSame(row, row(onPve3.vmid()));
        assertEquals("unknown", row.status());
        assertEquals(onPve3.name(), row.nameProperty().get(), "the last known name stays");
        vm.statusFilterProperty().set(StatusFilter.UNKNOWN);
        assertTrue(vm.visibleGuests().contains(row));
        assertTrue(vm.visibleGuests().stream().allMatch(r -> r.nodeProperty().get().equals("pve3")));
    }

    @Test
    void anUnreachableClusterIsReportedAndItsRowsKeptAsStale() throws Exception {
        vm.start();
        ClusterHealth h = vm.clusters().getFirst();
        var lastGood = h.lastSuccessProperty().get();
        int rows = vm.allGuests().size();
        GuestRow any = vm.allGuests().getFirst();
        assertFalse(any.staleProperty().get());

        sim.shutDownCluster();
        sim.scheduler.tick();

        assertEquals(ClusterHealth.State.UNREACHABLE, h.state());
        assertFalse(h.messageProperty().get().isBlank());
        assertEquals(lastGood, h.lastSuccessProperty().get());
        assertEquals(rows, vm.allGuests().size());
        assertTrue(vm.allGuests().stream().allMatch(r -> r.staleProperty().get()));
    }

    @Test
    void startingASelectedVmHandsItsTaskToTheTracker() throws Exception {
        vm.start();
        var stopped = sim.guest(g -> g.guestType() == GuestType.QEMU && "stopped".equals(g.status()));
        var running = sim.guest(ClusterResource.Guest::running);
        vm.selection().setAll(row(stopped.vmid()), row(running.vmid()));
        assertTrue(vm.canApply(PowerAction.START).get());

        PendingAction start = vm.prepare(PowerAction.START);
        assertFalse(start.needsConfirmation());
        assertEquals(List.of(row(stopped.vmid())), start.targets(), "only the stopped guest is started");
        vm.execute(start);

        assertEquals(1, sim.tracker.followed.size());
        var followed = sim.tracker.followed.getFirst();
        assertSame(sim.session, followed.session());
        assertEquals(String.valueOf(stopped.vmid()), followed.upid().id());
        assertEquals(stopped.node(), followed.upid().node());
        assertTrue(followed.title().contains(String.valueOf(stopped.vmid())), followed.title());
        assertTrue(sim.await(followed.upid()).succeeded());
        followed.onFinished().run(); // the tracker refreshes the cluster when the task ends
        assertEquals("running", row(stopped.vmid()).status());
        assertTrue(sim.notifier.warnings.isEmpty(), sim.notifier.warnings.toString());
    }

    @Test
    void destructiveActionsNeedConfirmation() throws Exception {
        vm.start();
        var running = sim.guest(ClusterResource.Guest::running);
        vm.selection().setAll(row(running.vmid()));
        for (PowerAction a : List.of(PowerAction.STOP, PowerAction.SHUTDOWN, PowerAction.REBOOT)) {
            PendingAction p = vm.prepare(a);
            assertTrue(p.needsConfirmation(), a.name());
            assertEquals(1, p.targets().size());
        }
        assertFalse(vm.canApply(PowerAction.START).get());
        assertTrue(vm.prepare(PowerAction.START).isEmpty());
        assertTrue(sim.tracker.followed.isEmpty(), "preparing sends nothing");
    }

    @Test
    void aRefusalBecomesAWarningWithPvesMessage() throws Exception {
        vm.start();
        var running = sim.guest(g -> g.guestType() == GuestType.QEMU && g.running());
        GuestRow row = row(running.vmid());
        // the VM stops behind the inventory's back: the row still says running when the operator acts
        assertTrue(sim.await(sim.client.guests().power(running.ref(), PowerAction.STOP)).succeeded());
        vm.selection().setAll(row);
        vm.execute(vm.prepare(PowerAction.REBOOT));

        assertTrue(sim.tracker.followed.isEmpty());
        assertEquals(1, sim.notifier.warnings.size());
        assertTrue(sim.notifier.warnings.getFirst().contains("VM " + running.vmid() + " not running"),
                sim.notifier.warnings.getFirst());
    }

    @Test
    void selectingAGuestLoadsItsConfiguration() throws Exception {
        vm.start();
        var guest = sim.guest(g -> g.guestType() == GuestType.QEMU);
        vm.showGuest(row(guest.vmid()));
        var d = assertInstanceOfGuest(vm.detailsProperty().get());
        assertEquals(guest.name(), d.config().name());
        assertTrue(d.config().cores() >= 1);

        NodeRow pve1 = vm.nodes().stream().filter(n -> n.name().equals("pve1")).findFirst().orElseThrow();
        vm.showNode(pve1);
        var n = (Details.Node) vm.detailsProperty().get();
        assertTrue(n.status().pveversion().startsWith("pve-manager/"), n.status().pveversion());
    }

    private static Details.Guest assertInstanceOfGuest(Details d) {
        assertTrue(d instanceof Details.Guest, String.valueOf(d));
        return (Details.Guest) d;
    }

    @Test
    void aRemovedSessionTakesItsRowsAlong() {
        vm.start();
        assertFalse(vm.allGuests().isEmpty());
        sim.sessions.clear();
        assertTrue(vm.allGuests().isEmpty());
        assertTrue(vm.nodes().isEmpty());
        assertTrue(vm.clusters().isEmpty());
    }
}
