package dev.rackside.app.feature.inventory;

import dev.rackside.app.cluster.ClusterSession;
import dev.rackside.app.feature.tasks.TaskTracker;
import dev.rackside.app.fx.Background;
import dev.rackside.app.fx.Messages;
import dev.rackside.app.fx.Notifier;
import dev.rackside.proxmox.ProxmoxException;
import dev.rackside.proxmox.model.GuestRef;
import dev.rackside.proxmox.model.PowerAction;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

/// Sends power actions for selected guests and hands each resulting task to the task tracker.
final class PowerActions {
    private final Function<String, ClusterSession> sessionOf;
    private final Background background;
    private final TaskTracker tracker;
    private final Notifier notifier;
    private final Messages messages;
    private final Consumer<String> refreshCluster;

    PowerActions(Function<String, ClusterSession> sessionOf, Background background, TaskTracker tracker,
                 Notifier notifier, Messages messages, Consumer<String> refreshCluster) {
        this.sessionOf = sessionOf;
        this.background = background;
        this.tracker = tracker;
        this.notifier = notifier;
        this.messages = messages;
        this.refreshCluster = refreshCluster;
    }

    /// Whether `action` makes sense for the guest as last seen; templates never run.
    static boolean applies(PowerAction action, GuestRow r) {
        if (r.templateProperty().get()) {
            return false;
        }
        return switch (action) {
            case START -> "stopped".equals(r.status());
            case STOP -> r.running() || r.paused();
            case SHUTDOWN, REBOOT, SUSPEND -> r.running();
            case RESUME -> r.paused();
        };
    }

    PendingAction prepare(PowerAction action, List<GuestRow> selection) {
        List<GuestRow> targets = selection.stream().filter(r -> applies(action, r)).toList();
        return new PendingAction(action, targets, action.destructive() && !targets.isEmpty());
    }

    void execute(PendingAction p) {
        for (GuestRow row : p.targets()) {
            String title = title(p.action(), row);
            ClusterSession session = sessionOf.apply(row.clusterId());
            if (session == null) {
                notifier.warning(messages.get("action.refused", title, messages.get("cluster.disconnected")));
                continue;
            }
            GuestRef ref = row.ref();
            background.submit(() -> session.client().guests().power(ref, p.action()),
                    upid -> tracker.follow(session, upid, title, () -> refreshCluster.accept(session.id())),
                    failure -> report(title, failure));
        }
    }

    String title(PowerAction action, GuestRow row) {
        String name = row.nameProperty().get().isEmpty() ? "" : row.nameProperty().get();
        // VMIDs go in as text: MessageFormat would print 1000 as "1,000"
        return messages.get("action.title", actionLabel(action), name, Integer.toString(row.vmid())).strip();
    }

    String actionLabel(PowerAction action) {
        return messages.get("action." + action.name().toLowerCase(Locale.ROOT));
    }

    private void report(String title, Throwable failure) {
        if (failure instanceof ProxmoxException e) {
            // PVE's own refusal ("VM 100 not running", a missing privilege) is what the operator needs
            notifier.warning(messages.get("action.refused", title, e.getMessage()));
        } else {
            notifier.error(messages.get("action.failed", title), failure);
        }
    }
}
