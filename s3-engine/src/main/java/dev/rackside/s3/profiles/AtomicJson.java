package dev.rackside.s3.profiles;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/// Writes a JSON file so that a crash mid-write leaves the previous file intact: into a sibling
/// `.tmp` first, then moved over the file (atomically where the file system can). Used for every
/// file Rackside keeps in its folders: the saved endpoints here, the app's settings and profiles.
public final class AtomicJson {
    private AtomicJson() {
    }

    /// Writes `value` with `json` to `file`, creating its folder; on failure the `.tmp` is removed
    /// and the original exception is thrown, for the caller to turn into its own typed error.
    public static void write(ObjectMapper json, Path file, Object value) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            json.writeValue(tmp.toFile(), value);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the original failure is the one worth reporting
            }
            throw e;
        }
    }
}
