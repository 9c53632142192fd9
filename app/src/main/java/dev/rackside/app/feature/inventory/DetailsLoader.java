package dev.rackside.app.feature.inventory;

import dev.rackside.app.cluster.ClusterSession;
import dev.rackside.app.fx.Background;
import dev.rackside.app.fx.Messages;
import dev.rackside.proxmox.model.GuestRef;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/// Loads the details of the one guest or node the operator looks at, on demand rather than per
/// refresh: configuration and node status cost a request each.
final class DetailsLoader {
    private final Function<String, ClusterSession> sessionOf;
    private final Background background;
    private final Messages messages;
    private final ReadOnlyObjectWrapper<Details> details = new ReadOnlyObjectWrapper<>(this, "details", Details.NONE);
    private Background.Cancellable pending = () -> { };
    // Answers for an earlier selection arrive late on slow clusters; only the newest may be shown.
    private long generation;

    DetailsLoader(Function<String, ClusterSession> sessionOf, Background background, Messages messages) {
        this.sessionOf = sessionOf;
        this.background = background;
        this.messages = messages;
    }

    ReadOnlyObjectProperty<Details> details() {
        return details.getReadOnlyProperty();
    }

    void clear() {
        pending.cancel();
        generation++;
        details.set(Details.NONE);
    }

    void showGuest(GuestRow row) {
        if (row == null) {
            clear();
            return;
        }
        String title = row.nameProperty().get() + " (" + row.vmid() + ")";
        ClusterSession s = begin(row.clusterId(), title);
        if (s == null) {
            return;
        }
        long gen = generation;
        GuestRef ref = row.ref();
        pending = background.submit(() -> new Object[] {s.client().guests().config(ref), AddressIndex.fetch(s, ref)},
                loaded -> {
                    AddressIndex.Answer answer = (AddressIndex.Answer) loaded[1];
                    row.setAddresses(answer.addresses());
                    deliver(gen, new Details.Guest(row, (dev.rackside.proxmox.model.GuestConfig) loaded[0], answer.note()));
                },
                failure -> deliver(gen, new Details.Failed(title, failure.getMessage())));
    }

    void showNode(NodeRow row) {
        if (row == null) {
            clear();
            return;
        }
        ClusterSession s = begin(row.clusterId(), row.name());
        if (s == null) {
            return;
        }
        long gen = generation;
        pending = background.submit(() -> s.client().nodes().status(row.name()),
                status -> deliver(gen, new Details.Node(row, status)),
                failure -> deliver(gen, new Details.Failed(row.name(), failure.getMessage())));
    }

    private ClusterSession begin(String clusterId, String title) {
        pending.cancel();
        generation++;
        ClusterSession s = sessionOf.apply(clusterId);
        if (s == null) {
            details.set(new Details.Failed(title, messages.get("cluster.disconnected")));
            return null;
        }
        details.set(new Details.Loading(title));
        return s;
    }

    private void deliver(long gen, Details d) {
        if (gen == generation) {
            details.set(d);
        }
    }
}
