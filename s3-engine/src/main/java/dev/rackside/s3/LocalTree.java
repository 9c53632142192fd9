package dev.rackside.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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

    /// The files to read (upload): symbolic links are followed, the folder's own and those inside
    /// it, as aws-cli does by default; a linked folder left out would be taken for empty, and
    /// `sync --delete` would delete its objects. A link loop fails the walk. A file that is gone
    /// by the time `action` reads it is skipped, as a file that was never there.
    public static void walk(Path folder, Predicate<String> select, FileAction action) {
        walk(folder, true, select, action);
    }

    /// As [#walk(Path, Predicate, FileAction)], following links inside the folder only when
    /// `followLinks`. Files that may be deleted must be walked without: a linked folder inside
    /// leads elsewhere, and nothing there is the folder's to delete.
    public static void walk(Path folder, boolean followLinks, Predicate<String> select, FileAction action) {
        FileVisitOption[] options = followLinks ? new FileVisitOption[] {FileVisitOption.FOLLOW_LINKS} : new FileVisitOption[0];
        try (Stream<Path> files = Files.walk(folder, options)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                String rel = folder.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/");
                if (select.test(rel)) {
                    try {
                        action.accept(f, rel);
                    } catch (NoSuchFileException e) {
                        // deleted while the walk went on
                    }
                }
            }
        } catch (UncheckedIOException e) { // what the stream throws for a folder it cannot read part way
            if (e.getCause() instanceof FileSystemLoopException loop) {
                throw new S3EngineException.LocalFileProblem(folder, "a symbolic link in it leads back into it ("
                        + loop.getFile() + ")", loop);
            }
            throw new S3EngineException.LocalFileProblem(folder, "cannot list the folder (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new S3EngineException.LocalFileProblem(folder, "cannot list the folder (" + e.getMessage() + ")", e);
        }
    }
}
