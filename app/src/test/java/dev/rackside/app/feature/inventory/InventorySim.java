package dev.rackside.app.feature.inventory;

import dev.rackside.app.fx.RecordingNotifier;

import dev.rackside.app.cluster.ClusterSession;
import dev.rackside.app.feature.tasks.TaskTracker;
import dev.rackside.app.fx.Background;
import dev.rackside.proxmox.ConnectionSpec;
import dev.rackside.proxmox.Credentials;
import dev.rackside.proxmox.ProxmoxClient;
import dev.rackside.proxmox.ProxmoxException;
import dev.rackside.proxmox.Secret;
import dev.rackside.proxmox.TrustPolicy;
import dev.rackside.proxmox.model.ClusterResource;
import dev.rackside.proxmox.model.ResourceType;
import dev.rackside.proxmox.model.TaskProgressListener;
import dev.rackside.proxmox.model.TaskStatus;
import dev.rackside.proxmox.model.Upid;
import dev.rackside.pvesim.SimClock;
import dev.rackside.pvesim.SimulatedCluster;
import dev.rackside.pvesim.SimulatorOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/// A simulated cluster connected as one session, with recording collaborators for the ViewModel.
final class InventorySim implements AutoCloseable {
    final SimClock clock = SimClock.system();
    final SimulatedCluster pve;
    final ProxmoxClient client;
    final ClusterSession session;
    final ObservableList<ClusterSession> sessions = FXCollections.observableArrayList();
    final RecordingTracker tracker = new RecordingTracker();
    final RecordingNotifier notifier = new RecordingNotifier();
    final ManualScheduler scheduler = new ManualScheduler();
    private boolean serverClosed;

    InventorySim(int nodes, int guests) {
        pve = SimulatedCluster.start(SimulatorOptions.defaults().withSize(nodes, guests).withClock(clock).fast());
        client = ProxmoxClient.builder(new ConnectionSpec(pve.host(), pve.port(),
                        new Credentials.ApiToken(SimulatedCluster.ROOT, SimulatedCluster.TOKEN_ID, Secret.of(pve.apiTokenSecret())),
                        TrustPolicy.pinned(pve.fingerprint()), Duration.ofSeconds(2), Duration.ofSeconds(30)))
                .retries(1, Duration.ofMillis(10)).build();
        session = new ClusterSession("lab", "Lab", client);
        sessions.add(session);
    }

    InventoryViewModel viewModel(Background background) {
        return new InventoryViewModel(sessions, background, scheduler, tracker, notifier, clock);
    }

    /// A guest as the API lists it now, for picking test subjects the way an operator would.
    ClusterResource.Guest guest(Predicate<ClusterResource.Guest> filter) throws ProxmoxException {
        return guests().stream().filter(g -> !g.template() && g.lock().isEmpty() && g.hastate().isEmpty())
                .filter(filter).findFirst().orElseThrow(() -> new AssertionError("no such guest in the simulator"));
    }

    List<ClusterResource.Guest> guests() throws ProxmoxException {
        return client.cluster().resources(ResourceType.VM).stream()
                .filter(r -> r instanceof ClusterResource.Guest).map(r -> (ClusterResource.Guest) r).toList();
    }

    TaskStatus await(Upid upid) throws ProxmoxException {
        return client.tasks().await(upid, TaskProgressListener.NONE, Duration.ofMillis(20), Duration.ofSeconds(20));
    }

    /// Takes the cluster off the network (once): every later request fails to connect.
    void shutDownCluster() {
        if (!serverClosed) {
            serverClosed = true;
            pve.close();
        }
    }

    @Override
    public void close() {
        client.close();
        shutDownCluster();
    }

    /// The tasks panel as the ViewModel sees it: remembers what it was asked to follow.
    static final class RecordingTracker implements TaskTracker {
        record Followed(ClusterSession session, Upid upid, String title, Runnable onFinished) {
        }

        final List<Followed> followed = new CopyOnWriteArrayList<>();

        @Override
        public void follow(ClusterSession session, Upid upid, String title, Runnable onFinished) {
            followed.add(new Followed(session, upid, title, onFinished));
        }
    }

    /// A refresh loop the test ticks by hand.
    static final class ManualScheduler implements RefreshScheduler {
        final List<Runnable> ticks = new ArrayList<>();
        Duration interval;

        @Override
        public Background.Cancellable every(Duration every, Runnable tick) {
            interval = every;
            ticks.add(tick);
            return () -> ticks.remove(tick);
        }

        void tick() {
            List.copyOf(ticks).forEach(Runnable::run);
        }
    }
}
