package dev.rackside.app.feature.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rackside.app.cluster.Sessions;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ShellViewModelTest {
    @BeforeAll
    static void english() {
        Locale.setDefault(Locale.ENGLISH);
    }

    @Test
    void remembersTheLastViewAndIgnoresStaleIds() {
        var dests = List.of(new ShellViewModel.Destination("inventory", "Inventory"),
                new ShellViewModel.Destination("connections", "Connections"));
        var vm = new ShellViewModel(dests, new Sessions(), "connections");
        assertEquals("connections", vm.selectedProperty().get().id());
        vm.select("no-longer-exists");
        assertEquals("connections", vm.selectedProperty().get().id());
        vm.selectIndex(0);
        assertEquals("inventory", vm.selectedProperty().get().id());
        vm.selectIndex(7);
        assertEquals("inventory", vm.selectedProperty().get().id());
        assertEquals("inventory", new ShellViewModel(dests, new Sessions(), "gone").selectedProperty().get().id());
        assertEquals("No cluster connected", vm.connectionSummary().get());
    }

    @Test
    void theStatusSaysTheDemoIsStartingUntilItIsConnected() {
        var sessions = new Sessions();
        var vm = new ShellViewModel(List.of(new ShellViewModel.Destination("inventory", "Inventory")), sessions, "inventory");
        vm.demoStartingProperty().set(true);
        assertEquals("Starting the demo cluster\u2026", vm.connectionSummary().get());
        vm.demoStartingProperty().set(false); // failed: back to the plain truth
        assertEquals("No cluster connected", vm.connectionSummary().get());
    }
}
