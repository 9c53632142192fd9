package dev.rackside.app.settings;

import dev.rackside.s3.profiles.RacksideFolders;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/// Where Rackside keeps its files: the per-OS folders of [RacksideFolders] (in the S3 engine, so the
/// `rackside-s3` command line finds the same saved profiles), as the app's settings type.
///
/// The system property `rackside.home` puts everything below one folder instead (tests, screenshots,
/// portable installs).
///
/// @param config settings and connection profiles
/// @param data   larger files the app creates (caches, exports)
/// @param state  things worth keeping but not worth backing up
/// @param logs   log files
public record AppPaths(Path config, Path data, Path state, Path logs) {
    public static final String HOME_PROPERTY = RacksideFolders.HOME_PROPERTY;

    public AppPaths {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(logs, "logs");
    }

    /// The folders for `osName` (as `os.name` spells it), reading `env` the way the OS would.
    public static AppPaths of(String osName, Map<String, String> env, Path home) {
        return of(RacksideFolders.of(osName, env, home));
    }

    /// Everything below `root`: what `-Drackside.home=DIR` gives.
    public static AppPaths under(Path root) {
        return of(RacksideFolders.under(root));
    }

    /// The folders of the running machine, or below `rackside.home` when that property is set.
    public static AppPaths forThisMachine() {
        return of(RacksideFolders.forThisMachine());
    }

    private static AppPaths of(RacksideFolders f) {
        return new AppPaths(f.config(), f.data(), f.state(), f.logs());
    }
}
