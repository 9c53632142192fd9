package dev.rackside.app;

import dev.rackside.app.cluster.Sessions;
import dev.rackside.app.demo.DemoCluster;
import dev.rackside.app.feature.connections.ConnectionsView;
import dev.rackside.app.feature.connections.ConnectionsViewModel;
import dev.rackside.app.feature.inventory.FxRefreshScheduler;
import dev.rackside.app.feature.inventory.InventoryView;
import dev.rackside.app.feature.inventory.InventoryViewModel;
import dev.rackside.app.feature.shell.MainWindow;
import dev.rackside.app.feature.shell.ShellViewModel;
import dev.rackside.app.feature.tasks.TasksPanel;
import dev.rackside.app.feature.tasks.TasksViewModel;
import dev.rackside.app.fx.FeatureView;
import dev.rackside.app.fx.FxBackground;
import dev.rackside.app.fx.FxNotifier;
import dev.rackside.app.fx.Messages;
import dev.rackside.app.fx.Themes;
import dev.rackside.s3.profiles.RacksideFolders;
import dev.rackside.app.settings.AppSettings;
import dev.rackside.app.settings.ProfileStore;
import dev.rackside.app.settings.SecretStore;
import dev.rackside.app.settings.SettingsStore;
import dev.rackside.pvesim.SimulatorOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.InstantSource;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Parent;

/// Everything the console is made of, wired by hand (no DI container). Used by [RacksideApp] and by
/// the screenshot command, so both show the same real app.
final class AppComposition implements AutoCloseable {
    static final String INVENTORY = "inventory";
    static final String CONNECTIONS = "connections";
    static final String S3 = "s3";
    static final String BOTTOM_TASKS = "tasks";
    static final String BOTTOM_TRANSFERS = "transfers";
    private static final System.Logger LOG = System.getLogger("dev.rackside.app");

    final Sessions sessions = new Sessions();
    final FxBackground background = new FxBackground();
    final FxNotifier notifier = new FxNotifier();
    final Themes themes = new Themes();
    final SettingsStore settingsStore;
    final ProfileStore profiles;
    final TasksViewModel tasks;
    final InventoryViewModel inventory;
    private InventoryView inventoryView;
    final ConnectionsViewModel connections;
    final javafx.collections.ObservableList<dev.rackside.app.feature.s3.S3Session> s3Sessions =
            javafx.collections.FXCollections.observableArrayList();
    final dev.rackside.app.feature.s3.S3BrowserViewModel s3;
    final dev.rackside.app.feature.s3.endpoints.EndpointsViewModel s3Endpoints;
    final ShellViewModel shell;
    final MainWindow window;
    private final SimulatorOptions demoOptions;
    private final LateCloser demoServers = new LateCloser();
    private boolean demoStarted;
    private boolean demoS3Started;
    private DemoCluster demo;
    private final RacksideFolders paths;
    AppSettings settings;
    /// One set of limits for every S3 endpoint, so a cap holds however many endpoints transfer at once.
    final dev.rackside.s3.BandwidthLimits transferLimits;
    final dev.rackside.app.feature.s3.TransferSettingsViewModel transferSettings;

    AppComposition(RacksideFolders paths, SecretStore secrets, SimulatorOptions demoOptions) {
        this(Preloaded.read(paths), secrets, demoOptions);
        window.fill();
    }

    /// Leaves the window unfilled: the caller shows its frame first and then calls `window.fill()`.
    AppComposition(Preloaded data, SecretStore secrets, SimulatorOptions demoOptions) {
        this.demoOptions = demoOptions;
        this.paths = data.paths();
        settingsStore = data.settingsStore();
        SettingsStore.Loaded loaded = data.settings();
        settings = loaded.settings();
        loaded.warning().ifPresent(notifier::warning);
        themes.choiceProperty().set(Themes.Choice.valueOf(settings.theme().name()));
        profiles = data.profiles();
        profiles.loadWarning().ifPresent(notifier::warning);

        tasks = new TasksViewModel(background, FxBackground::onFx, Clock.systemDefaultZone());
        inventory = new InventoryViewModel(sessions.list(), background, new FxRefreshScheduler(), tasks, notifier,
                InstantSource.system());
        inventory.refreshIntervalProperty().set(Duration.ofSeconds(settings.refreshIntervalSeconds()));
        connections = new ConnectionsViewModel(profiles, secrets, sessions, background, notifier);
        s3 = new dev.rackside.app.feature.s3.S3BrowserViewModel(s3Sessions, background, notifier, FxBackground::onFx);
        transferLimits = settings.transfers().toLimits(ZoneId.systemDefault(), Clock.systemDefaultZone());
        transferSettings = new dev.rackside.app.feature.s3.TransferSettingsViewModel(transferLimits, settings.transfers(),
                n -> s3Sessions.forEach(s -> s.engine().transfers().setConcurrency(n)), this::saveTransferSettings,
                ZoneId.systemDefault(), Messages.of(dev.rackside.app.feature.s3.TransferSettingsViewModel.class));
        // An engine built while the operator changed the parallel transfers gets the new value here.
        s3Sessions.addListener((javafx.collections.ListChangeListener<dev.rackside.app.feature.s3.S3Session>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(s -> s.engine().transfers().setConcurrency(transferSettings.saved().concurrency()));
            }
        });
        s3Endpoints = new dev.rackside.app.feature.s3.endpoints.EndpointsViewModel(
                paths.config().resolve(dev.rackside.s3.profiles.EndpointProfileStore.FILE_NAME), secrets, s3Sessions, background,
                notifier, p -> engineOptions(paths.data().resolve("s3-transfers-" + p.id() + ".db")));
        s3Endpoints.loadSaved();

        Messages text = Messages.of(AppComposition.class);
        Map<String, java.util.function.Supplier<FeatureView>> views = new LinkedHashMap<>();
        views.put(INVENTORY, this::inventoryView);
        views.put(S3, () -> dev.rackside.app.feature.s3.endpoints.EndpointsView.attach(
                new dev.rackside.app.feature.s3.S3BrowserView(s3), s3Endpoints));
        views.put(CONNECTIONS, () -> new ConnectionsView(connections));
        shell = new ShellViewModel(List.of(new ShellViewModel.Destination(INVENTORY, text.get("nav.inventory")),
                new ShellViewModel.Destination(S3, text.get("nav.s3")),
                new ShellViewModel.Destination(CONNECTIONS, text.get("nav.connections"))), sessions,
                settings.lastViewId() == null ? INVENTORY : settings.lastViewId());
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedTime(FormatStyle.MEDIUM).withZone(ZoneId.systemDefault());
        inventory.startingProperty().bind(shell.demoStartingProperty());
        inventory.lastRefreshProperty().addListener((o, a, b) -> shell.lastRefreshProperty().set(b == null ? "" : time.format(b)));
        window = new MainWindow(shell, views, List.of(
                new MainWindow.BottomTab(BOTTOM_TASKS, TasksPanel.tabTitle(tasks), () -> new TasksPanel(tasks).root()),
                new MainWindow.BottomTab(BOTTOM_TRANSFERS, dev.rackside.app.feature.s3.TransfersPanel.tabTitle(s3.transfers()),
                        () -> new dev.rackside.app.feature.s3.TransfersPanel(s3.transfers(), transferSettings).root())),
                notifier, themes,
                new MainWindow.Actions(inventory::refresh, this::focusSearch, () -> startDemo(() -> shell.select(INVENTORY)),
                this::showAbout));
        showWhatStarts();
    }

    /// Brings the bottom panel's tab forward when something starts there, so a power action's task or
    /// a dropped folder's upload is in sight at once. Restored transfers come back paused and do not.
    private void showWhatStarts() {
        tasks.entries().addListener((javafx.collections.ListChangeListener<dev.rackside.app.feature.tasks.TaskEntry>) c -> {
            while (c.next()) {
                if (c.wasAdded() && !c.wasReplaced()) {
                    window.showBottom(BOTTOM_TASKS);
                }
            }
        });
        s3.transfers().rows().addListener((javafx.collections.ListChangeListener<dev.rackside.app.feature.s3.TransferRow>) c -> {
            while (c.next()) {
                if (c.wasAdded() && !c.wasUpdated() && c.getAddedSubList().stream()
                        .anyMatch(r -> r.stateProperty().get().active())) {
                    window.showBottom(BOTTOM_TRANSFERS);
                }
            }
        });
    }

    /// Ctrl+F: the inventory's search, also in the instant before the views arrive (see [MainWindow#fill]).
    private void focusSearch() {
        shell.select(INVENTORY);
        window.fill();
        window.root().applyCss(); // a just-filled view's tool bar places the search field only when skinned
        inventoryView().focusSearch();
    }

    private InventoryView inventoryView() {
        if (inventoryView == null) {
            inventoryView = new InventoryView(inventory);
        }
        return inventoryView;
    }

    private void showAbout() {
        var scene = window.root().getScene();
        dev.rackside.app.feature.about.AboutDialog.show(scene == null ? null : scene.getWindow());
    }

    /// The running demo cluster, if it was started.
    java.util.Optional<DemoCluster> demo() {
        return java.util.Optional.ofNullable(demo);
    }

    Parent root() {
        return window.root();
    }

    /// Whether the operator has no cluster of their own yet, so the demo should start.
    boolean noProfiles() {
        return profiles.list().isEmpty();
    }

    /// Starts the embedded demo cluster and the demo S3 endpoint off the UI thread and connects to them.
    void startDemo(Runnable whenConnected) {
        if (demoStarted) {
            return;
        }
        demoStarted = true;
        shell.demoStartingProperty().set(true);
        startDemoS3();
        Messages text = Messages.of(AppComposition.class);
        String name = text.get("demo.badge");
        background.submit(() -> demoServers.keep(DemoCluster.start(name, demoOptions)), started -> {
            demo = started;
            LOG.log(System.Logger.Level.INFO, "demo cluster running at " + started.simulator().url());
            sessions.put(started.session());
            shell.demoRunningProperty().set(true);
            shell.demoStartingProperty().set(false);
            whenConnected.run();
        }, failure -> {
            demoStarted = false; // "Try the demo" tries again
            shell.demoStartingProperty().set(false);
            if (!(failure instanceof java.util.concurrent.CancellationException)) { // the app closed meanwhile
                notifier.error(text.get("demo.failed", failure.getMessage()), failure);
            }
        });
    }

    private void startDemoS3() {
        if (demoS3Started) {
            return; // a retry after the cluster failed keeps the demo S3 that started
        }
        demoS3Started = true;
        Messages text = Messages.of(AppComposition.class);
        var options = engineOptions(paths.data().resolve("demo-s3-transfers.db"));
        background.submit(() -> demoServers.keep(dev.rackside.app.demo.DemoS3.start(text.get("demo.s3"), options)), started -> {
            s3Sessions.add(new dev.rackside.app.feature.s3.S3Session(dev.rackside.app.demo.DemoS3.SESSION_ID,
                    text.get("demo.s3"), started.engine()));
        }, failure -> {
            demoS3Started = false;
            if (!(failure instanceof java.util.concurrent.CancellationException)) {
                notifier.error(text.get("demo.s3failed", failure.getMessage()), failure);
            }
        });
    }

    /// Every endpoint's engine: its own journal, the shared limits and the chosen parallel transfers.
    private dev.rackside.s3.EngineOptions engineOptions(java.nio.file.Path journal) {
        return dev.rackside.s3.EngineOptions.builder().journal(journal).sharedLimits(transferLimits)
                .concurrency(transferSettings.saved().concurrency()).build();
    }

    /// Applied limits are saved at once (not only when the window closes), so a crash keeps them.
    private void saveTransferSettings(dev.rackside.app.settings.TransferSettings t) {
        settings = settings.withTransfers(t);
        try {
            settingsStore.save(settings);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "transfer settings not saved", e);
            notifier.warning(Messages.of(AppComposition.class).get("transfers.saveFailed", e.getMessage()));
        }
    }

    /// Remembers the theme and the last view; called when the window closes.
    void saveSettings(AppSettings.WindowBounds bounds) {
        settings = new AppSettings(AppSettings.Theme.valueOf(themes.choiceProperty().get().name()), bounds,
                shell.selectedProperty().get().id(), settings.refreshIntervalSeconds(), settings.locale(), settings.transfers());
        try {
            settingsStore.save(settings);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "settings not saved", e);
        }
    }

    @Override
    public void close() {
        inventory.stop();
        s3.transfers().close();
        s3Endpoints.close();
        sessions.closeAll();
        demoServers.close();
        background.close();
    }
}
