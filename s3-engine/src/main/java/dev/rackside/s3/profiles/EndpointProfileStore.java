package dev.rackside.s3.profiles;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rackside.s3.S3EngineException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/// The saved S3 endpoints, as `s3-endpoints.json` in Rackside's config folder (or any file the
/// caller names). Never holds a secret: [EndpointProfile] has no field for one.
///
/// Tolerant: unknown fields are ignored, and an entry this version cannot read (say, a credential
/// source added by a newer Rackside) is kept as it was when the file is written again. Thread-safe;
/// every change is written at once, atomically.
public final class EndpointProfileStore {
    public static final String FILE_NAME = "s3-endpoints.json";

    static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;
    private final List<EndpointProfile> profiles = new ArrayList<>();
    private final List<JsonNode> unreadable = new ArrayList<>();
    private final Optional<String> loadWarning;

    private EndpointProfileStore(Path file, Optional<String> loadWarning) {
        this.file = file;
        this.loadWarning = loadWarning;
    }

    /// The file the app and the command line share: `s3-endpoints.json` in [RacksideFolders#config()].
    public static Path defaultFile() {
        return RacksideFolders.forThisMachine().config().resolve(FILE_NAME);
    }

    /// Reads `file` (absent means no profiles yet).
    ///
    /// @throws S3EngineException.Misconfigured when the file exists but is not a profiles file
    public static EndpointProfileStore read(Path file) {
        EndpointProfileStore store = new EndpointProfileStore(Objects.requireNonNull(file, "file"), Optional.empty());
        try {
            store.load();
        } catch (IOException | RuntimeException e) {
            throw new S3EngineException.Misconfigured("The saved S3 endpoints in " + file + " cannot be read: " + e.getMessage(), e);
        }
        return store;
    }

    /// Reads `file`; a damaged file is moved aside to `<file>.bak` (so the next save does not
    /// overwrite it) and [#loadWarning()] tells the operator.
    public static EndpointProfileStore readOrSetAside(Path file) {
        try {
            return read(file);
        } catch (S3EngineException.Misconfigured e) {
            Path backup = file.resolveSibling(file.getFileName() + ".bak");
            String warning;
            try {
                Files.move(file, backup, StandardCopyOption.REPLACE_EXISTING);
                warning = e.getMessage() + " It was moved to " + backup + "; Rackside starts without its endpoints.";
            } catch (IOException moveFailed) {
                warning = e.getMessage() + " Rackside starts without its endpoints.";
            }
            return new EndpointProfileStore(file, Optional.of(warning));
        }
    }

    public Path file() {
        return file;
    }

    /// Why the saved endpoints could not be loaded, for the operator; empty when all went well.
    public Optional<String> loadWarning() {
        return loadWarning;
    }

    public synchronized List<EndpointProfile> list() {
        return List.copyOf(profiles);
    }

    public synchronized Optional<EndpointProfile> find(UUID id) {
        return profiles.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /// The profile called `nameOrId` (names compared ignoring case), or whose id it is.
    public synchronized Optional<EndpointProfile> find(String nameOrId) {
        String wanted = nameOrId.strip();
        return profiles.stream().filter(p -> p.name().toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT))
                || p.id().toString().equalsIgnoreCase(wanted)).findFirst();
    }

    /// Adds `profile`, or replaces the one with the same id.
    ///
    /// @throws S3EngineException.LocalFileProblem when the file cannot be written
    public synchronized void put(EndpointProfile profile) {
        List<EndpointProfile> next = new ArrayList<>(profiles);
        next.removeIf(p -> p.id().equals(profile.id()));
        int at = profiles.stream().map(EndpointProfile::id).toList().indexOf(profile.id());
        next.add(at < 0 ? next.size() : at, profile);
        commit(next);
    }

    /// Forgets the profile (its keychain secret is the caller's to delete).
    public synchronized void remove(UUID id) {
        List<EndpointProfile> next = new ArrayList<>(profiles);
        next.removeIf(p -> p.id().equals(id));
        commit(next);
    }

    private void load() throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        JsonNode root = JSON.readTree(file.toFile());
        if (root == null || !root.isObject()) {
            throw new IOException("it is not a JSON object");
        }
        JsonNode entries = root.path("endpoints");
        if (!entries.isMissingNode() && !entries.isArray()) {
            throw new IOException("\"endpoints\" is not a list");
        }
        for (JsonNode entry : entries) {
            try {
                profiles.add(JSON.treeToValue(entry, EndpointProfile.class));
            } catch (IOException | IllegalArgumentException | NullPointerException e) {
                unreadable.add(entry);
            }
        }
    }

    // Memory changes only after the disk did, so a failed write leaves both as they were.
    private void commit(List<EndpointProfile> next) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 1);
        ArrayNode entries = root.putArray("endpoints");
        next.forEach(p -> entries.add(JSON.valueToTree(p)));
        unreadable.forEach(entries::add);
        try {
            AtomicJson.write(JSON, file, root);
        } catch (IOException e) {
            throw new S3EngineException.LocalFileProblem(file, "the saved endpoints could not be written (" + e.getMessage() + ").", e);
        }
        profiles.clear();
        profiles.addAll(next);
    }
}
