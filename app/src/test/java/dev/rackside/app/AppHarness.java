package dev.rackside.app;

import dev.rackside.s3.profiles.RacksideFolders;
import dev.rackside.app.settings.InMemorySecretStore;
import dev.rackside.pvesim.SimulatorOptions;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.stage.Stage;

/// The real app, composed as RacksideApp composes it, for TestFX flows and the screenshot command
/// (which live outside this package but must not reach into package-private wiring themselves).
public final class AppHarness implements AutoCloseable {
    private final AppComposition app;
    private final Stage stage;

    private AppHarness(AppComposition app, Stage stage) {
        this.app = app;
        this.stage = stage;
    }

    /// Shows the main window on `stage` with settings under `home`; call on the FX thread.
    public static AppHarness show(Stage stage, Path home, SimulatorOptions demo, double width, double height) {
        return create(stage, home, demo, width, height, true);
    }

    /// As [#show], but leaves the window hidden: the scene still lays out, styles and snapshots at any
    /// size, while JavaFX's Headless screen (1000 x 1000) cannot display a larger window.
    public static AppHarness offscreen(Stage stage, Path home, SimulatorOptions demo, double width, double height) {
        return create(stage, home, demo, width, height, false);
    }

    private static AppHarness create(Stage stage, Path home, SimulatorOptions demo, double width, double height, boolean visible) {
        AppComposition app = new AppComposition(RacksideFolders.under(home), new InMemorySecretStore(), demo);
        Scene scene = new Scene(app.root(), width, height);
        scene.getStylesheets().add(RacksideApp.class.getResource("app.css").toExternalForm());
        stage.setScene(scene);
        stage.setTitle("Rackside");
        app.notifier.setOwner(stage);
        if (visible) {
            stage.show();
        }
        return new AppHarness(app, stage);
    }

    public void startDemo(Runnable whenConnected) {
        app.startDemo(whenConnected);
    }

    /// The demo's simulator, to act on the "cluster" as an operator or a failure would.
    public dev.rackside.pvesim.SimulatedCluster simulator() {
        return app.demo().orElseThrow().simulator();
    }

    public Stage stage() {
        return stage;
    }

    public dev.rackside.app.cluster.Sessions sessions() {
        return app.sessions;
    }

    public dev.rackside.app.feature.inventory.InventoryViewModel inventory() {
        return app.inventory;
    }

    public dev.rackside.app.feature.tasks.TasksViewModel tasks() {
        return app.tasks;
    }

    public dev.rackside.app.feature.s3.S3BrowserViewModel s3() {
        return app.s3;
    }

    public dev.rackside.app.fx.Themes themes() {
        return app.themes;
    }

    public dev.rackside.app.feature.shell.ShellViewModel shell() {
        return app.shell;
    }

    public dev.rackside.app.feature.s3.endpoints.EndpointsViewModel s3Endpoints() {
        return app.s3Endpoints;
    }

    public dev.rackside.app.feature.s3.TransferSettingsViewModel transferSettings() {
        return app.transferSettings;
    }

    /// Brings a bottom panel's tab ("tasks", "transfers") forward, as clicking its tab does.
    public void showBottom(String id) {
        app.window.showBottom(id);
    }

    /// The bottom panel's tab in sight ("tasks", "transfers"), or empty when the panel is hidden.
    public java.util.Optional<String> shownBottom() {
        return app.window.shownBottom();
    }

    @Override
    public void close() {
        app.close();
    }
}
