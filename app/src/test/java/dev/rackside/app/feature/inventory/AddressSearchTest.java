package dev.rackside.app.feature.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rackside.app.fx.Background;
import dev.rackside.proxmox.model.GuestInterface;
import dev.rackside.proxmox.model.GuestType;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/// Guests are found by their IP addresses, which only the guests themselves know (agent/container),
/// and the details show them or say why there are none.
class AddressSearchTest {
    private InventorySim sim;
    private InventoryViewModel vm;

    @BeforeEach
    void connect() {
        sim = new InventorySim(2, 30);
        vm = sim.viewModel(Background.direct());
        vm.start();
    }

    @AfterEach
    void close() {
        vm.stop();
        sim.close();
    }

    @Test
    void searchingAnAddressFindsTheGuestThatHasIt() throws Exception {
        var ct = sim.guest(g -> g.guestType() == GuestType.LXC && g.running());
        String address = sim.client.guests().interfaces(ct.ref()).stream().flatMap(n -> n.addresses().stream())
                .filter(a -> !a.local() && !a.ipv6()).map(GuestInterface.Address::address).findFirst().orElseThrow();
        vm.searchProperty().set(address);
        List<GuestRow> shown = List.copyOf(vm.visibleGuests());
        assertEquals(1, shown.size(), "exactly the guest with " + address + ": " + shown);
        assertEquals(ct.vmid(), shown.getFirst().vmid());
        assertTrue(shown.getFirst().addresses().contains(address));

        vm.searchProperty().set("203.0.113.");
        assertTrue(vm.visibleGuests().isEmpty(), "no guest is on that network");
    }

    @Test
    void detailsShowAddressesOrWhyThereAreNone() throws Exception {
        var ct = sim.guest(g -> g.guestType() == GuestType.LXC && g.running());
        GuestRow row = vm.allGuests().stream().filter(r -> r.vmid() == ct.vmid()).findFirst().orElseThrow();
        vm.showGuest(row);
        var details = assertInstanceOf(Details.Guest.class, vm.detailsProperty().get());
        assertFalse(row.addresses().isEmpty(), "the container's addresses are shown");
        assertEquals("", details.addressNote());

        var stoppedVm = sim.guest(g -> g.guestType() == GuestType.QEMU && !g.running());
        GuestRow stopped = vm.allGuests().stream().filter(r -> r.vmid() == stoppedVm.vmid()).findFirst().orElseThrow();
        vm.showGuest(stopped);
        var none = assertInstanceOf(Details.Guest.class, vm.detailsProperty().get());
        assertTrue(stopped.addresses().isEmpty());
        assertTrue(none.addressNote().contains("not running") || none.addressNote().contains("No QEMU guest agent"),
                "PVE's reason is shown: " + none.addressNote());
    }
}
