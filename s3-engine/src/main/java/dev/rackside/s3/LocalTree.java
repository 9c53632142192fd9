package dev.rackside.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.stream.Stream;

/// The regular files under a local folder, as folder uploads and `sync` take them: in name order,
/// each with its path below the folder (`/` between names) for filters and keys.
public final class LocalTree {
    private LocalTree() {
    }

    public interface FileAction {
        void accept(Path file, String relativePath) throws IOException;
    }

    /// Symbolic links inside the folder are not followed, but a folder that is itself one is
    /// (macOS's `/tmp`, a data folder linked from elsewhere): `Files.walk` would otherwise return
    /// only the link, and `sync --delete` would take the folder for empty.
    public static void walk(Path folder, Predicate<String> select, FileAction action) {
        try {
            Path real = folder.toRealPath();
            try (Stream<Path> files = Files.walk(real)) {
                for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                    Path below = real.relativize(f);
                    String rel = below.toString().replace(f.getFileSystem().getSeparator(), "/");
                    if (select.test(rel)) {
                        action.accept(folder.resolve(below), rel);
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // UncheckedIOException: what the stream throws for a folder it cannot read part way.
            throw new S3EngineException.LocalFileProblem(folder, "cannot list the folder (" + e.getMessage() + ")", e);
        }
    }
}
