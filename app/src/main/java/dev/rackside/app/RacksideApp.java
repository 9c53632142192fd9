package dev.rackside.app;

import dev.rackside.s3.profiles.RacksideFolders;
import dev.rackside.app.settings.AppSettings;
import dev.rackside.app.settings.SecretStores;
import dev.rackside.pvesim.SimulatorOptions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/// The desktop application. Opens on the embedded demo cluster when no cluster is configured
/// (or with `--demo`), restores the window where the operator left it, and logs to a rotating file.
public final class RacksideApp extends Application {
    private static volatile CompletableFuture<Preloaded> preload;
    private AppComposition app;

    /// Hands over what [Main] started reading before the toolkit was up.
    static void preload(CompletableFuture<Preloaded> reading) {
        preload = reading;
    }

    @Override
    public void start(Stage stage) {
        Preloaded data;
        if (preload != null) {
            data = preload.join();
        } else {
            RacksideFolders paths = RacksideFolders.forThisMachine();
            LogFiles.install(paths.logs());
            data = Preloaded.read(paths);
        }
        CompletableFuture<Void> firstFrame = new CompletableFuture<>();
        app = new AppComposition(data, SecretStores.bestInBackground(firstFrame), SimulatorOptions.defaults());
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
        List<String> args = getParameters().getRaw();
        boolean demo = args.contains("--demo") || app.noProfiles();
        FirstFrame frames = new FirstFrame(FirstFrame.Markers.of(demo));
        frames.watchFirst(scene);
        // The first frame is the window's frame (sidebar, status bar); the views fill it in the next.
        // Only then the keychain probe and the demo's servers start: their class loading competes
        // with the filled window for two cores' worth of CPU.
        afterNextFrame(scene, () -> {
            app.window.fill();
            frames.watchFilled(scene);
            if (!frames.markers().startsNothing()) {
                afterNextFrame(scene, () -> {
                    firstFrame.complete(null);
                    if (demo) {
                        app.startDemo(frames::demoReady);
                    }
                });
            }
        });
        stage.show();
    }

    /// Runs `action` once the scene's next frame is out.
    private static void afterNextFrame(Scene scene, Runnable action) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            Platform.runLater(action);
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    @Override
    public void stop() {
        if (app != null) {
            app.close();
        }
    }
}
