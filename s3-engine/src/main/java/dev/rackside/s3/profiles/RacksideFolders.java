package dev.rackside.s3.profiles;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/// Where Rackside keeps its files, following each operating system's conventions. The app and the
/// `rackside-s3` command line both read their saved profiles from [#config()].
///
/// | OS      | config and data                         | state and logs                           |
/// |---------|-----------------------------------------|------------------------------------------|
/// | Linux   | `$XDG_CONFIG_HOME/rackside`             | `$XDG_STATE_HOME/rackside` (logs below)  |
/// | Windows | `%APPDATA%\Rackside`                    | `%LOCALAPPDATA%\Rackside\logs`           |
/// | macOS   | `~/Library/Application Support/Rackside`| `~/Library/Logs/Rackside`                |
///
/// The system property `rackside.home` puts everything below one folder instead (tests, screenshots,
/// portable installs).
///
/// @param config settings and connection profiles
/// @param data   larger files the app creates (caches, exports)
/// @param state  things worth keeping but not worth backing up
/// @param logs   log files
public record RacksideFolders(Path config, Path data, Path state, Path logs) {
    public static final String HOME_PROPERTY = "rackside.home";

    public RacksideFolders {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(logs, "logs");
    }

    /// The folders for `osName` (as `os.name` spells it), reading `env` the way the OS would.
    public static RacksideFolders of(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            Path roaming = dir(env, "APPDATA", home.resolve("AppData").resolve("Roaming")).resolve("Rackside");
            Path local = dir(env, "LOCALAPPDATA", home.resolve("AppData").resolve("Local")).resolve("Rackside");
            return new RacksideFolders(roaming, roaming, local, local.resolve("logs"));
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            Path support = home.resolve("Library").resolve("Application Support").resolve("Rackside");
            return new RacksideFolders(support, support, support, home.resolve("Library").resolve("Logs").resolve("Rackside"));
        }
        // Linux and the other Unixes follow the XDG base directory specification.
        Path config = dir(env, "XDG_CONFIG_HOME", home.resolve(".config")).resolve("rackside");
        Path data = dir(env, "XDG_DATA_HOME", home.resolve(".local").resolve("share")).resolve("rackside");
        Path state = dir(env, "XDG_STATE_HOME", home.resolve(".local").resolve("state")).resolve("rackside");
        return new RacksideFolders(config, data, state, state.resolve("logs"));
    }

    /// Everything below `root`: what `-Drackside.home=DIR` gives.
    public static RacksideFolders under(Path root) {
        return new RacksideFolders(root.resolve("config"), root.resolve("data"), root.resolve("state"), root.resolve("logs"));
    }

    /// The folders of the running machine, or below `rackside.home` when that property is set.
    public static RacksideFolders forThisMachine() {
        String override = System.getProperty(HOME_PROPERTY);
        if (override != null && !override.isBlank()) {
            return under(Path.of(override));
        }
        return of(System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    private static Path dir(Map<String, String> env, String variable, Path fallback) {
        String value = env.get(variable);
        // The XDG spec says relative values are invalid and must be ignored, which also covers "".
        return value != null && !value.isBlank() && Path.of(value).isAbsolute() ? Path.of(value) : fallback;
    }
}
