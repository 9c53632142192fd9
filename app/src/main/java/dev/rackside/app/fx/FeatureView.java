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
}
