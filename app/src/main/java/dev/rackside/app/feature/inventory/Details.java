package dev.rackside.app.feature.inventory;

import dev.rackside.proxmox.model.GuestConfig;
import dev.rackside.proxmox.model.NodeStatus;

/// What the details pane shows: the selected guest or node, once its details arrived.
public sealed interface Details {

    /// Nothing selected.
    record None() implements Details {
    }

    /// Waiting for the cluster; `title` says for what.
    record Loading(String title) implements Details {
    }

    /// The guest's live row and its configuration.
    /// @param addressNote why there are no addresses (agent not running, guest stopped), or empty
    record Guest(GuestRow row, GuestConfig config, String addressNote) implements Details {
    }

    /// The node's live row and `/nodes/{node}/status`.
    record Node(NodeRow row, NodeStatus status) implements Details {
    }

    /// The details could not be read; `message` is operator-readable (PVE's or the client's).
    record Failed(String title, String message) implements Details {
    }

    Details NONE = new None();
}
