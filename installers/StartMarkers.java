import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/// The start-up moments the app writes when asked (`FirstFrame` in app): its first frame, its
/// filled window, and its demo cluster connected, each as epoch milliseconds in a file of `home`.
/// Shared by `SmokeTest`, `InstalledStartupBench` and `AppImage`, which the source launcher
/// compiles with this file (multi-file source programs, JDK 22+).
record StartMarkers(Path first, Path filled, Path demo) {
    static StartMarkers in(Path home) {
        return new StartMarkers(home.resolve("first-frame.txt"), home.resolve("filled-frame.txt"), home.resolve("demo-ready.txt"));
    }

    /// JVM options asking for all three and for the app to exit after the last it reaches.
    List<String> options() {
        return List.of("-Drackside.firstFrameMarker=" + first, "-Drackside.filledFrameMarker=" + filled,
                "-Drackside.demoReadyMarker=" + demo, "-Drackside.exitAfterFirstFrame=true");
    }

    /// Milliseconds from `start` to `marker`, or -1 when the app did not write it.
    static long since(Path marker, long start) throws IOException {
        return Files.exists(marker) ? Long.parseLong(Files.readString(marker).trim()) - start : -1;
    }

    /// Which markers exist, for a failure message.
    String written() {
        return "first frame " + Files.exists(first) + ", filled window " + Files.exists(filled) + ", demo connected " + Files.exists(demo);
    }

    /// JavaFX's own headless platform on Linux without a display (CI); nothing elsewhere.
    static List<String> displayOptions() {
        List<String> options = new ArrayList<>();
        boolean linux = !System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).matches("(windows|mac).*");
        if (linux && System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null) {
            options.addAll(List.of("-Dglass.platform=Headless", "-Dprism.order=sw"));
        }
        return options;
    }
}
