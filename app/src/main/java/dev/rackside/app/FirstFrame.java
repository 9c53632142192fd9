package dev.rackside.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.Scene;

/// For start-up measurements. With `-Drackside.firstFrameMarker=FILE`, writes the epoch milliseconds
/// of the first pulse after the window is shown into FILE; with `-Drackside.filledFrameMarker=FILE`,
/// those of the first pulse after the views filled the window (see `MainWindow.fill`); with
/// `-Drackside.demoReadyMarker=FILE`, those of the moment the demo cluster is connected. With
/// `-Drackside.exitAfterFirstFrame=true` the app exits once the last requested marker is written.
/// Does nothing otherwise.
final class FirstFrame {
    private FirstFrame() {
    }

    /// Returns whether the app exits at its first frames: then nothing should be started after them
    /// (a demo cluster still starting when the toolkit stops would keep the JVM alive).
    static boolean watch(Scene scene) {
        String marker = System.getProperty("rackside.firstFrameMarker");
        if (marker == null) {
            return false;
        }
        atNextPulse(scene, marker, System.getProperty("rackside.filledFrameMarker") == null && !demoWatched());
        return Boolean.getBoolean("rackside.exitAfterFirstFrame") && !demoWatched();
    }

    /// Called right after the views filled the window.
    static void watchFilled(Scene scene) {
        String marker = System.getProperty("rackside.filledFrameMarker");
        if (marker != null) {
            atNextPulse(scene, marker, !demoWatched());
        }
    }

    /// Called on the UI thread once the demo cluster is connected.
    static void demoReady() {
        String marker = System.getProperty("rackside.demoReadyMarker");
        if (marker != null) {
            write(marker, true);
        }
    }

    private static boolean demoWatched() {
        return System.getProperty("rackside.demoReadyMarker") != null;
    }

    private static void atNextPulse(Scene scene, String marker, boolean last) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            write(marker, last);
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    private static void write(String marker, boolean last) {
        try {
            Files.writeString(Path.of(marker), Long.toString(System.currentTimeMillis()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (last && Boolean.getBoolean("rackside.exitAfterFirstFrame")) {
            Platform.exit();
        }
    }
}
