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
import java.util.ArrayList;
import java.util.List;
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

    /// Deserialisation attribute: a `List<String>` where lenient readers note the values they
    /// could not use (and replaced by safe ones), so the operator hears of it.
    static final String SKIPPED = "rackside.skipped";

    /// Notes a hand-edited value a lenient reader replaced, when the reader was given [#SKIPPED].
    @SuppressWarnings("unchecked")
    static void skipped(com.fasterxml.jackson.databind.DeserializationContext ctx, String what) {
        if (ctx.getAttribute(SKIPPED) instanceof List<?> list) {
            ((List<String>) list).add(what);
        }
    }

    static <T> Read<T> read(Path file, Class<T> type) {
        if (!Files.exists(file)) {
            return new Read<>(Optional.empty(), Optional.empty());
        }
        try {
            List<String> skipped = new ArrayList<>();
            T value = JSON.readerFor(type).withAttribute(SKIPPED, skipped).readValue(file.toFile());
            if (value == null) {
                throw new IOException("the file is empty");
            }
            if (!skipped.isEmpty()) {
                LOG.log(Level.WARNING, "ignored in " + file + ": " + skipped);
                String list = String.join("; ", skipped);
                return new Read<>(Optional.of(value), Optional.of(Messages.of(JsonFiles.class).get("file.valuesIgnored", file, list)));
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
