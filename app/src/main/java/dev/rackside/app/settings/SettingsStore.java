package dev.rackside.app.settings;

import dev.rackside.s3.profiles.RacksideFolders;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/// Loads and saves [AppSettings] as `settings.json` in the config folder.
///
/// A damaged file never stops Rackside from starting: [#load()] falls back to the defaults, keeps
/// the damaged file as `settings.json.bak` and returns a warning to show the operator.
public final class SettingsStore {
    public static final String FILE_NAME = "settings.json";

    private final Path file;

    /// What [#load()] found.
    ///
    /// @param warning for the operator, when the file was damaged and the defaults are used
    public record Loaded(AppSettings settings, Optional<String> warning) {
    }

    public SettingsStore(RacksideFolders paths) {
        this(paths.config().resolve(FILE_NAME));
    }

    public SettingsStore(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    public Path file() {
        return file;
    }

    public Loaded load() {
        JsonFiles.Read<AppSettings> read = JsonFiles.read(file, AppSettings.class);
        return new Loaded(read.value().orElseGet(AppSettings::defaults), read.warning());
    }

    /// Writes atomically: a crash mid-write leaves the previous file intact.
    public void save(AppSettings settings) throws StorageException {
        JsonFiles.write(file, Objects.requireNonNull(settings, "settings"));
    }
}
