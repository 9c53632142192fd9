package dev.rackside.app.settings;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.rackside.app.fx.Messages;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/// Reads and writes the small JSON files of this package: atomically, and forgiving of damage.
final class JsonFiles {
    private static final System.Logger LOG = System.getLogger(JsonFiles.class.getName());

    static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            // Files written by a newer Rackside must still open in an older one.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /// What reading a file gave: its value, or nothing when absent, plus a warning for the operator
    /// when the file was damaged and set aside.
    record Read<T>(Optional<T> value, Optional<String> warning) {
    }

    private JsonFiles() {
    }

    static <T> Read<T> read(Path file, Class<T> type) {
        if (!Files.exists(file)) {
            return new Read<>(Optional.empty(), Optional.empty());
        }
        try {
            T value = JSON.readValue(file.toFile(), type);
            if (value == null) {
                throw new IOException("the file is empty");
            }
            return new Read<>(Optional.of(value), Optional.empty());
        } catch (IOException | RuntimeException e) {
            // Keep the damaged file for the operator (or a bug report) instead of overwriting it on the next save.
            Path backup = file.resolveSibling(file.getFileName() + ".bak");
            LOG.log(Level.WARNING, "cannot read " + file + ", moved to " + backup, e);
            Messages m = Messages.of(JsonFiles.class);
            try {
                Files.move(file, backup, StandardCopyOption.REPLACE_EXISTING);
                return new Read<>(Optional.empty(), Optional.of(m.get("file.corrupt", file, backup)));
            } catch (IOException moveFailed) {
                return new Read<>(Optional.empty(), Optional.of(m.get("file.corruptNotMoved", file)));
            }
        }
    }

    static void write(Path file, Object value) throws StorageException {
        try {
            dev.rackside.s3.profiles.AtomicJson.write(JSON, file, value);
        } catch (IOException e) {
            throw new StorageException(Messages.of(JsonFiles.class).get("file.writeFailed", file, e.getMessage()), e);
        }
    }
}
