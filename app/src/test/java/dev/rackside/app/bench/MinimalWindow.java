package dev.rackside.app.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/// The floor for start-up: the smallest JavaFX window on the same runtime, reporting its first
/// frame exactly as Rackside does (the first pulse after show).
public final class MinimalWindow {
    private MinimalWindow() {
    }

    /// A separate launcher, as Rackside's Main: JavaFX refuses a class-path main class that extends Application.
    public static void main(String[] args) {
        Application.launch(Floor.class, args);
    }

    /// The window itself.
    public static final class Floor extends Application {

        @Override
        public void start(Stage stage) {
            Scene scene = new Scene(new StackPane(new Label("floor")), 400, 300);
            String marker = System.getProperty("rackside.firstFrameMarker");
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                scene.removePostLayoutPulseListener(once[0]);
                try {
                    Files.writeString(Path.of(marker), Long.toString(System.currentTimeMillis()));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                Platform.exit();
            };
            scene.addPostLayoutPulseListener(once[0]);
            stage.setScene(scene);
            stage.show();
        }
    }
}
