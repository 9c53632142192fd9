package dev.rackside.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.FileVisitResult;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

    /// `path` as disks that ignore case and Unicode form see it (macOS's, Windows's): NFC, each
    /// character folded by its upper case's lower case (so `ı`, `I` and `i` are one, as NTFS has
    /// them, and `ς` is `σ`). Folding more than a disk does only makes two names look alike.
    public static String folded(String path) {
        String nfc = Normalizer.normalize(path, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(nfc.length());
        nfc.codePoints().forEach(cp -> out.appendCodePoint(Character.toLowerCase(Character.toUpperCase(cp))));
        return out.toString();
    }

    /// As [#walk(Path, Predicate, FileAction)], following links inside the folder only when
    /// `followLinks`. Files that may be deleted must be walked without: a linked folder inside
    /// leads elsewhere, and nothing there is the folder's to delete. Windows's junctions are not
    /// links to Java, so any folder whose real path is outside the folder, or was seen already,
    /// is left out too.
    public static void walk(Path folder, boolean followLinks, Predicate<String> select, FileAction action) {
        try {
            for (Path f : followLinks ? following(folder) : within(folder)) {
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

    private static List<Path> following(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder, FileVisitOption.FOLLOW_LINKS)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static List<Path> within(Path folder) throws IOException {
        Path root = folder.toRealPath();
        Set<Path> seen = new HashSet<>();
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path real = dir.toRealPath();
                return real.startsWith(root) && seen.add(real) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                // A link to a file counts (deleting it deletes the link); a link to a folder does not.
                if (attrs.isRegularFile() || attrs.isSymbolicLink() && Files.isRegularFile(file)) {
                    found.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        found.sort(null);
        return found;
    }
}
