package dev.rackside.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.Scene;

/// For start-up measurements: writes the epoch milliseconds of up to three moments into files
/// named by system properties, and may exit after the last. Does nothing when none is set.
///
/// - `rackside.firstFrameMarker`: the first pulse after the window is shown (its frame);
/// - `rackside.filledFrameMarker`: the first pulse after the views filled it (`MainWindow.fill`);
/// - `rackside.demoReadyMarker`: the demo cluster connected (only when this run starts the demo);
/// - `rackside.exitAfterFirstFrame=true`: exit once the last of those is written.
final class FirstFrame {
    /// Which markers a run writes. `demo` is null when the run starts no demo, so a benchmark
    /// asking for it on a machine with saved clusters still exits.
    record Markers(String first, String filled, String demo, boolean exit) {
        static Markers of(boolean demoStarts) {
            return new Markers(System.getProperty("rackside.firstFrameMarker"), System.getProperty("rackside.filledFrameMarker"),
                    demoStarts ? System.getProperty("rackside.demoReadyMarker") : null, Boolean.getBoolean("rackside.exitAfterFirstFrame"));
        }

        /// Whether the app exits before anything is started after its frames: then nothing should
        /// be (a demo cluster still starting when the toolkit stops would keep the JVM alive).
        boolean startsNothing() {
            return exit && first != null && demo == null;
        }

        boolean firstIsLast() {
            return filled == null && demo == null;
        }

        boolean filledIsLast() {
            return demo == null;
        }
    }

    private final Markers markers;

    FirstFrame(Markers markers) {
        this.markers = markers;
    }

    Markers markers() {
        return markers;
    }

    /// Called before the window is shown.
    void watchFirst(Scene scene) {
        if (markers.first() != null) {
            atNextPulse(scene, markers.first(), markers.firstIsLast());
        }
    }

    /// Called right after the views filled the window.
    void watchFilled(Scene scene) {
        if (markers.filled() != null) {
            atNextPulse(scene, markers.filled(), markers.filledIsLast());
        }
    }

    /// Called on the UI thread once the demo cluster is connected.
    void demoReady() {
        if (markers.demo() != null) {
            write(markers.demo(), true);
        }
    }

    private void atNextPulse(Scene scene, String marker, boolean last) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            write(marker, last);
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    private void write(String marker, boolean last) {
        try {
            Files.writeString(Path.of(marker), Long.toString(System.currentTimeMillis()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (last && markers.exit()) {
            Platform.exit();
        }
    }
}
