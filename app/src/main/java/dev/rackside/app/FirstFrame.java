package dev.rackside.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.Scene;

/// For start-up measurements: when `-Drackside.firstFrameMarker=FILE` is set, writes the epoch
/// milliseconds of the first pulse after the window is shown into FILE, and exits if
/// `-Drackside.exitAfterFirstFrame=true`. Does nothing otherwise.
final class FirstFrame {
    private FirstFrame() {
    }

    /// Returns whether the app exits at its first frame: then nothing should be started after it
    /// (a demo cluster still starting when the toolkit stops would keep the JVM alive).
    static boolean watch(Scene scene) {
        String marker = System.getProperty("rackside.firstFrameMarker");
        if (marker == null) {
            return false;
        }
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            try {
                Files.writeString(Path.of(marker), Long.toString(System.currentTimeMillis()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (Boolean.getBoolean("rackside.exitAfterFirstFrame")) {
                Platform.exit();
            }
        };
        scene.addPostLayoutPulseListener(once[0]);
        return Boolean.getBoolean("rackside.exitAfterFirstFrame");
    }
}
