package dev.rackside.app.feature.shell;

import dev.rackside.app.cluster.ClusterSession;
import dev.rackside.app.cluster.Sessions;
import dev.rackside.app.fx.Messages;
import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/// The main window's state: which view is shown, and what the status bar says.
public final class ShellViewModel {
    /// A destination in the sidebar.
    public record Destination(String id, String title) {
    }

    private final List<Destination> destinations;
    private final ObjectProperty<Destination> selected = new SimpleObjectProperty<>();
    private final StringProperty lastRefresh = new SimpleStringProperty("");
    private final javafx.beans.property.BooleanProperty demoRunning = new javafx.beans.property.SimpleBooleanProperty();
    private final javafx.beans.property.BooleanProperty demoStarting = new javafx.beans.property.SimpleBooleanProperty();
    private final StringBinding connectionSummary;

    public ShellViewModel(List<Destination> destinations, Sessions sessions, String initialView) {
        this.destinations = List.copyOf(destinations);
        Messages text = Messages.of(ShellViewModel.class);
        selected.set(this.destinations.stream().filter(d -> d.id().equals(initialView)).findFirst()
                .orElse(this.destinations.getFirst()));
        connectionSummary = Bindings.createStringBinding(() -> {
            List<ClusterSession> s = sessions.list();
            return switch (s.size()) {
                case 0 -> text.get(demoStarting.get() ? "status.demoStarting" : "status.noCluster");
                case 1 -> text.get("status.oneCluster", s.getFirst().name());
                default -> text.get("status.clusters", s.size());
            };
        }, sessions.list(), demoStarting);
    }

    public List<Destination> destinations() {
        return destinations;
    }

    public ObjectProperty<Destination> selectedProperty() {
        return selected;
    }

    /// Selects the destination with `id`; unknown ids are ignored (a stale saved setting).
    public void select(String id) {
        destinations.stream().filter(d -> Objects.equals(d.id(), id)).findFirst().ifPresent(selected::set);
    }

    /// Selects the n-th destination (0-based), for Ctrl+1…9.
    public void selectIndex(int n) {
        if (n >= 0 && n < destinations.size()) {
            selected.set(destinations.get(n));
        }
    }

    public StringBinding connectionSummary() {
        return connectionSummary;
    }

    /// True once the embedded demo cluster is connected; the "Try the demo cluster" action hides then.
    public javafx.beans.property.BooleanProperty demoRunningProperty() {
        return demoRunning;
    }

    /// True from the start of the embedded demo until it is connected or failed: a start takes a few
    /// seconds, during which the window says so rather than "no cluster connected".
    public javafx.beans.property.BooleanProperty demoStartingProperty() {
        return demoStarting;
    }

    /// Set by whoever refreshes (the inventory) so the status bar can show it.
    public StringProperty lastRefreshProperty() {
        return lastRefresh;
    }
}
