package dev.rackside.app;

import dev.rackside.s3.profiles.RacksideFolders;
import dev.rackside.app.settings.ProfileStore;
import dev.rackside.app.settings.SettingsStore;
import java.util.concurrent.CompletableFuture;

/// What start-up reads from disk before it can build the window: the log files, the settings (window
/// bounds, theme) and the cluster profiles. [Main] reads them on a thread of its own while JavaFX
/// starts its toolkit, so the two overlap instead of queueing on the UI thread.
record Preloaded(RacksideFolders paths, SettingsStore settingsStore, SettingsStore.Loaded settings, ProfileStore profiles) {

    /// Reads everything now, on the calling thread.
    static Preloaded read(RacksideFolders paths) {
        SettingsStore store = new SettingsStore(paths);
        return new Preloaded(paths, store, store.load(), new ProfileStore(paths));
    }

    /// Installs the log files, then reads, on a daemon thread: a failure surfaces when joined.
    static CompletableFuture<Preloaded> inBackground(RacksideFolders paths) {
        CompletableFuture<Preloaded> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                LogFiles.install(paths.logs());
                result.complete(read(paths));
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }, "rackside-preload");
        t.setDaemon(true);
        t.start();
        return result;
    }
}
