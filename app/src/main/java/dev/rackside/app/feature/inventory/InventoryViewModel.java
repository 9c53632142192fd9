package dev.rackside.app.feature.inventory;

import dev.rackside.app.cluster.ClusterSession;
import dev.rackside.app.feature.tasks.TaskTracker;
import dev.rackside.app.fx.Background;
import dev.rackside.app.fx.Messages;
import dev.rackside.app.fx.Notifier;
import dev.rackside.proxmox.model.GuestType;
import dev.rackside.proxmox.model.PowerAction;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/// The inventory of every connected cluster: guests, nodes, storages and pools, refreshed in place
/// on a timer, with search, filters, grouping, power actions and details of the selection.
///
/// Call everything on the UI thread; blocking requests go through the [Background] it was given.
public final class InventoryViewModel {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);

    private final ObservableList<ClusterSession> sessions;
    private final Background background;
    private final RefreshScheduler scheduler;
    private final InstantSource clock;
    private final InventoryRows rows = new InventoryRows();
    private final ObservableList<ClusterHealth> clusters = FXCollections.observableArrayList(
            h -> new javafx.beans.Observable[] {h.stateProperty(), h.messageProperty()});
    private final Map<String, ClusterHealth> health = new LinkedHashMap<>();
    private final FilteredList<GuestRow> visible = new FilteredList<>(rows.guests());
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObjectProperty<GuestType> typeFilter = new SimpleObjectProperty<>(this, "typeFilter");
    private final ObjectProperty<StatusFilter> statusFilter = new SimpleObjectProperty<>(this, "statusFilter", StatusFilter.ANY);
    private final ObjectProperty<GroupBy> groupBy = new SimpleObjectProperty<>(this, "groupBy", GroupBy.NONE);
    private final ObjectProperty<Scope> scope = new SimpleObjectProperty<>(this, "scope", Scope.ALL);
    private final ObjectProperty<Duration> refreshInterval = new SimpleObjectProperty<>(this, "refreshInterval", DEFAULT_INTERVAL);
    private final javafx.beans.property.BooleanProperty starting = new javafx.beans.property.SimpleBooleanProperty(this, "starting");
    private final ReadOnlyObjectWrapper<Instant> lastRefresh = new ReadOnlyObjectWrapper<>(this, "lastRefresh");
    private final ObservableList<GuestRow> selection = FXCollections.observableArrayList();
    private final ObservableList<GuestRow> allGuestsView = FXCollections.unmodifiableObservableList(rows.guests());
    private final ObservableList<NodeRow> nodesView = FXCollections.unmodifiableObservableList(rows.nodes());
    private final ObservableList<StorageRow> storagesView = FXCollections.unmodifiableObservableList(rows.storages());
    private final ObservableList<PoolRef> poolsView = FXCollections.unmodifiableObservableList(rows.pools());
    private final ObservableList<ClusterHealth> clustersView = FXCollections.unmodifiableObservableList(clusters);
    private final Map<PowerAction, ObservableBooleanValue> enabled = new EnumMap<>(PowerAction.class);
    private final PowerActions actions;
    private final DetailsLoader details;
    private Background.Cancellable ticking;

    /// @param sessions  the connected clusters (`Sessions.list()`); followed as they come and go
    /// @param scheduler drives the refresh loop ([RefreshScheduler#fx()] in the app)
    /// @param clock     stamps successful refreshes
    public InventoryViewModel(ObservableList<ClusterSession> sessions, Background background, RefreshScheduler scheduler,
                              TaskTracker tracker, Notifier notifier, InstantSource clock) {
        this.sessions = sessions;
        this.background = background;
        this.scheduler = scheduler;
        this.clock = clock;
        Messages messages = Messages.of(InventoryViewModel.class);
        this.actions = new PowerActions(this::session, background, tracker, notifier, messages, this::refresh);
        this.details = new DetailsLoader(this::session, background, messages);
        AddressIndex addresses = new AddressIndex(background, clock);
        search.addListener((o, a, b) -> {
            refilter();
            if (GuestFilter.looksLikeAddress(b)) {
                addresses.sweepIfStale(List.copyOf(rows.guests()), this::session, this::refilter);
            }
        });
        typeFilter.addListener((o, a, b) -> refilter());
        statusFilter.addListener((o, a, b) -> refilter());
        scope.addListener((o, a, b) -> refilter());
        refreshInterval.addListener((o, a, b) -> {
            if (ticking != null) {
                stop();
                start();
            }
        });
        sessions.addListener((ListChangeListener<ClusterSession>) c -> followSessions());
        followSessions();
    }

    /// Starts the refresh loop with one refresh right away; the view calls it when shown.
    public void start() {
        if (ticking == null) {
            ticking = scheduler.every(refreshInterval.get(), this::refresh);
            refresh();
        }
    }

    /// Stops the refresh loop; the view calls it when hidden.
    public void stop() {
        if (ticking != null) {
            ticking.cancel();
            ticking = null;
        }
    }

    /// Refreshes every cluster now; a cluster whose previous refresh is still running is skipped.
    public void refresh() {
        List.copyOf(sessions).forEach(s -> refresh(s.id()));
    }

    private void refresh(String clusterId) {
        ClusterSession session = session(clusterId);
        ClusterHealth h = health.get(clusterId);
        if (session == null || h == null || h.inFlight) {
            return;
        }
        h.inFlight = true;
        background.submit(() -> InventorySnapshot.of(session.client().cluster().resources()), snap -> {
            h.inFlight = false;
            if (session(clusterId) == session) {
                rows.apply(clusterId, session.name(), snap);
                Instant now = clock.instant();
                h.succeeded(now);
                lastRefresh.set(now);
            }
        }, failure -> {
            h.inFlight = false;
            if (session(clusterId) == session) {
                rows.markStale(clusterId);
                h.failed(ClusterHealth.stateFor(failure), failure.getMessage() == null ? failure.toString() : failure.getMessage());
            }
        });
    }

    private void followSessions() {
        Map<String, ClusterSession> now = new LinkedHashMap<>();
        sessions.forEach(s -> now.put(s.id(), s));
        for (String gone : List.copyOf(health.keySet())) {
            if (!now.containsKey(gone)) {
                clusters.remove(health.remove(gone));
                rows.removeCluster(gone);
            }
        }
        for (ClusterSession s : now.values()) {
            if (!health.containsKey(s.id())) {
                ClusterHealth h = new ClusterHealth(s.id(), s.name());
                health.put(s.id(), h);
                clusters.add(h);
                if (ticking != null) {
                    refresh(s.id());
                }
            }
        }
        selection.removeIf(r -> !health.containsKey(r.clusterId()));
    }

    private ClusterSession session(String clusterId) {
        for (ClusterSession s : sessions) {
            if (s.id().equals(clusterId)) {
                return s;
            }
        }
        return null;
    }

    private void refilter() {
        visible.setPredicate(GuestFilter.of(search.get(), typeFilter.get(), statusFilter.get(), scope.get()));
    }

    /// Every guest of every cluster, in arrival order; rows are stable objects across refreshes.
    public ObservableList<GuestRow> allGuests() {
        return allGuestsView;
    }

    /// The guests that pass search, filters and the tree scope: the table's items.
    public ObservableList<GuestRow> visibleGuests() {
        return visible;
    }

    public ObservableList<NodeRow> nodes() {
        return nodesView;
    }

    public ObservableList<StorageRow> storages() {
        return storagesView;
    }

    public ObservableList<PoolRef> pools() {
        return poolsView;
    }

    /// True while a cluster is being started for this inventory (the embedded demo) and is not
    /// connected yet: the empty table then says so instead of asking for a connection.
    public javafx.beans.property.BooleanProperty startingProperty() {
        return starting;
    }

    /// One entry per connected cluster, saying whether it answers.
    public ObservableList<ClusterHealth> clusters() {
        return clustersView;
    }

    /// The resource tree below a node: its guests, in VMID order.
    public List<GuestRow> guestsOn(NodeRow node) {
        return rows.guestsOn(node);
    }

    /// The resource tree below a node: the storages it sees.
    public List<StorageRow> storagesOn(NodeRow node) {
        return rows.storagesOn(node);
    }

    /// The visible guests under the headings of [#groupByProperty()], headings sorted, the
    /// "no pool / no tag" group last.
    public List<GuestGroup> groups() {
        return GuestGroup.of(groupBy.get(), visible);
    }

    public StringProperty searchProperty() {
        return search;
    }

    /// null shows VMs and containers.
    public ObjectProperty<GuestType> typeFilterProperty() {
        return typeFilter;
    }

    public ObjectProperty<StatusFilter> statusFilterProperty() {
        return statusFilter;
    }

    public ObjectProperty<GroupBy> groupByProperty() {
        return groupBy;
    }

    /// The resource-tree selection that narrows the table.
    public ObjectProperty<Scope> scopeProperty() {
        return scope;
    }

    public ObjectProperty<Duration> refreshIntervalProperty() {
        return refreshInterval;
    }

    /// When the last successful refresh of any cluster was applied; null before the first.
    public ReadOnlyObjectProperty<Instant> lastRefreshProperty() {
        return lastRefresh.getReadOnlyProperty();
    }

    /// The selected guests; the view keeps it in step with the table.
    public ObservableList<GuestRow> selection() {
        return selection;
    }

    /// Whether `action` applies to at least one selected guest, as last refreshed.
    public ObservableBooleanValue canApply(PowerAction action) {
        return enabled.computeIfAbsent(action, a -> Bindings.createBooleanBinding(
                () -> selection.stream().anyMatch(r -> PowerActions.applies(a, r)), selection, lastRefresh));
    }

    /// What `action` on the current selection would do. Run it with [#execute]; ask first when
    /// [PendingAction#needsConfirmation()].
    public PendingAction prepare(PowerAction action) {
        return actions.prepare(action, List.copyOf(selection));
    }

    /// Sends the action for each target off the UI thread and hands every UPID to the task tracker;
    /// refusals become warnings carrying PVE's message.
    public void execute(PendingAction action) {
        actions.execute(action);
    }

    /// The localized verb for `action` ("Start", "Démarrer").
    public String actionLabel(PowerAction action) {
        return actions.actionLabel(action);
    }

    /// Loads configuration highlights for `row` (null clears the pane).
    public void showGuest(GuestRow row) {
        details.showGuest(row);
    }

    /// Loads `/nodes/{node}/status` for `row` (null clears the pane).
    public void showNode(NodeRow row) {
        details.showNode(row);
    }

    public ReadOnlyObjectProperty<Details> detailsProperty() {
        return details.details();
    }
}
