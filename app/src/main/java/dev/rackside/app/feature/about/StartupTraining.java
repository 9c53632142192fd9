package dev.rackside.app.feature.about;

import dev.rackside.app.Main;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/// The training run of the installers' AOT cache (`installers/Installers.java` makes it the packaged
/// launcher's main class for one run, with `-XX:AOTCacheOutput`). Starts the real app (`--demo`)
/// and exits once its window is filled (`MainWindow.fill`): the cache holds the classes and method
/// profiles of start-up, and nothing more.
///
/// Why no more: with JDK 25's AOT class linking every class in the cache is loaded when the JVM
/// starts, before `main`. A cache trained through the demo (its HTTPS simulator, S3Proxy, the AWS
/// SDK: 106 MB) made creating the JVM take 0.45 s instead of 0.08 s and put the first frame at
/// 1.94x the floor; trained to the filled window (46 MB) it came at 1.36x, and the filled window
/// sooner too. The price, measured in the same session: the demo cluster connects about a second
/// later, loading its classes from the jars while the window is already up (docs/benchmarks.md).
public final class StartupTraining {
    private StartupTraining() {
    }

    public static void main(String[] args) {
        try {
            Path dir = Files.createTempDirectory("rackside-aot-training");
            System.setProperty("rackside.firstFrameMarker", dir.resolve("first-frame.txt").toString());
            System.setProperty("rackside.filledFrameMarker", dir.resolve("filled-frame.txt").toString());
            System.setProperty("rackside.exitAfterFirstFrame", "true");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Main.main(args);
        System.exit(0); // as the app's own exit: nothing started after the frames may keep the JVM alive
    }
}
