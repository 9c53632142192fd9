package dev.rackside.app;

import dev.rackside.app.settings.AppPaths;
import dev.rackside.app.settings.AppSettings;
import dev.rackside.app.settings.SecretStores;
import dev.rackside.pvesim.SimulatorOptions;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/// The desktop application. Opens on the embedded demo cluster when no cluster is configured
/// (or with `--demo`), restores the window where the operator left it, and logs to a rotating file.
public final class RacksideApp extends Application {
    private AppComposition app;

    @Override
    public void start(Stage stage) {
        AppPaths paths = AppPaths.forThisMachine();
        LogFiles.install(paths.logs());
        app = new AppComposition(paths, SecretStores.bestInBackground(), SimulatorOptions.defaults());
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> app.notifier.error(String.valueOf(e.getMessage()), e));

        AppSettings.WindowBounds b = app.settings.window();
        Scene scene = new Scene(app.root(), b == null ? 1280 : b.width(), b == null ? 800 : b.height());
        scene.getStylesheets().add(RacksideApp.class.getResource("app.css").toExternalForm());
        stage.setTitle("Rackside");
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        if (b != null) {
            stage.setX(b.x());
            stage.setY(b.y());
            stage.setMaximized(b.maximized());
        }
        app.notifier.setOwner(stage);
        stage.setOnCloseRequest(e -> app.saveSettings(new AppSettings.WindowBounds(stage.getX(), stage.getY(),
                stage.getWidth(), stage.getHeight(), stage.isMaximized())));
        FirstFrame.watch(scene);
        stage.show();

        List<String> args = getParameters().getRaw();
        if (args.contains("--demo") || app.noProfiles()) {
            app.startDemo(() -> { });
        }
    }

    @Override
    public void stop() {
        if (app != null) {
            app.close();
        }
    }
}
