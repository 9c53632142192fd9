package dev.rackside.app.settings;

import dev.rackside.s3.profiles.RacksideFolders;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/// The saved connection profiles, as `profiles.json` in the config folder. Secrets are never
/// written here (the [ConnectionProfile] record has no field for one).
///
/// Thread-safe; every change is written to disk at once, atomically.
public final class ProfileStore {
    public static final String FILE_NAME = "profiles.json";

    private final Path file;
    private final List<ConnectionProfile> profiles = new ArrayList<>();
    private final Optional<String> loadWarning;

    /// The file's shape: an object rather than a bare array, so fields can be added later.
    record ProfilesFile(int version, List<ConnectionProfile> profiles) {
    }

    public ProfileStore(RacksideFolders paths) {
        this(paths.config().resolve(FILE_NAME));
    }

    /// Reads `file` now; a damaged file is set aside as `.bak` and reported by [#loadWarning()].
    public ProfileStore(Path file) {
        this.file = Objects.requireNonNull(file, "file");
        JsonFiles.Read<ProfilesFile> read = JsonFiles.read(file, ProfilesFile.class);
        read.value().map(ProfilesFile::profiles).ifPresent(list -> list.stream().filter(Objects::nonNull).forEach(profiles::add));
        this.loadWarning = read.warning();
    }

    public Path file() {
        return file;
    }

    /// For the operator, when the file was damaged and Rackside started without the profiles.
    public Optional<String> loadWarning() {
        return loadWarning;
    }

    public synchronized List<ConnectionProfile> list() {
        return List.copyOf(profiles);
    }

    public synchronized Optional<ConnectionProfile> find(UUID id) {
        return profiles.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /// Adds `profile`, or replaces the one with the same id.
    public synchronized void put(ConnectionProfile profile) throws StorageException {
        List<ConnectionProfile> next = new ArrayList<>(profiles);
        int i = indexOf(profile.id());
        if (i < 0) {
            next.add(profile);
        } else {
            next.set(i, profile);
        }
        commit(next);
    }

    public synchronized void remove(UUID id) throws StorageException {
        List<ConnectionProfile> next = new ArrayList<>(profiles);
        next.removeIf(p -> p.id().equals(id));
        commit(next);
    }

    /// Records that the operator trusts the certificate with `fingerprint` for this profile.
    public synchronized ConnectionProfile pin(UUID id, String fingerprint) throws StorageException {
        ConnectionProfile pinned = require(id).withPinnedFingerprint(Objects.requireNonNull(fingerprint, "fingerprint"));
        put(pinned);
        return pinned;
    }

    /// Goes back to trusting the system's certificate authorities for this profile.
    public synchronized ConnectionProfile unpin(UUID id) throws StorageException {
        ConnectionProfile unpinned = require(id).withPinnedFingerprint(null);
        put(unpinned);
        return unpinned;
    }

    private ConnectionProfile require(UUID id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("no profile " + id));
    }

    private int indexOf(UUID id) {
        for (int i = 0; i < profiles.size(); i++) {
            if (profiles.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    // Memory changes only after the disk did, so a failed write leaves both as they were.
    private void commit(List<ConnectionProfile> next) throws StorageException {
        JsonFiles.write(file, new ProfilesFile(1, next));
        profiles.clear();
        profiles.addAll(next);
    }
}
