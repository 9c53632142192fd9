package dev.rackside.app.fx;

import javafx.scene.Node;

/// A view the shell can show in its content area. Views that subscribe to something long-lived
/// (polling, transfers) start in [#activate()] and stop in [#deactivate()].
public interface FeatureView {
    Node root();

    default void activate() {
    }

    default void deactivate() {
    }

    /// Ctrl+F while this view is shown: true if the view has a search of its own and took the
    /// focus there; otherwise the shell's search (the inventory's) takes it.
    default boolean searchHere() {
        return false;
    }

    /// F5 while this view is shown: true if the view refreshed what it shows; otherwise the shell
    /// refreshes the inventory.
    default boolean refreshHere() {
        return false;
    }
}
