package dev.rackside.s3.cli;

import dev.rackside.s3.LocalTree;
import dev.rackside.s3.ObjectInfo;
import dev.rackside.s3.S3Engine;
import dev.rackside.s3.S3EngineException;
import dev.rackside.s3.SafePaths;
import dev.rackside.s3.TransferRequest;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/// `sync SRC DST`: copies files that are missing on the other side, differ in size, or are newer
/// on the source side. Uploads follow aws-cli's rule; downloads take an object newer than its
/// file, where aws-cli takes a *file* newer than its object and so misses a same-sized object
/// changed after the last sync. `--size-only` compares sizes alone; `--exact-timestamps`
/// downloads whatever differs in time, as aws-cli's. With aws-cli's `--exclude`/`--include`,
/// `--dryrun` and `--quiet`. With
/// `--delete` it also deletes what DST has and SRC does not, but only after every copy succeeded:
/// a sync that failed part way removes nothing.
final class SyncCommand {
    private final RacksideS3 root;
    private final String source;
    private final String target;
    private final Flags flags;
    private final PrintWriter report;

    SyncCommand(RacksideS3 root, String source, String target, Flags flags) {
        this.root = root;
        this.source = source;
        this.target = target;
        this.flags = flags;
        this.report = flags.report(root.out);
    }

    void run() {
        try (S3Engine s3 = root.open()) {
            if (!S3Uri.is(source) && S3Uri.is(target)) {
                up(s3, Path.of(source), S3Uri.parse(target));
            } else if (S3Uri.is(source) && !S3Uri.is(target)) {
                down(s3, S3Uri.parse(source), Path.of(target));
            } else {
                throw new IllegalArgumentException("sync needs a local folder and an s3:// prefix.");
            }
        } finally {
            report.flush();
        }
    }

    private void up(S3Engine s3, Path dir, S3Uri dst) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + " is not a folder: sync copies folders (cp copies a file).");
        }
        Map<String, ObjectInfo> remote = remote(s3, dst);
        List<TransferRequest> copies = new ArrayList<>();
        LocalTree.walk(dir, flags.filters(), (f, rel) -> {
            String key = dst.asPrefix() + rel;
            ObjectInfo o = remote.remove(key);
            // Encrypted here, an object is larger than its file by the cipher's framing.
            if (o == null || o.size() != root.protection().storedSize(Files.size(f))
                    || !flags.sizeOnly() && newer(Files.getLastModifiedTime(f).toInstant(), o.lastModified())) {
                copies.add(root.protection().upload(f, dst.bucket(), key));
            }
        });
        copy(s3, copies);
        if (flags.delete()) {
            // What is left was not found here: the filters already chose which of it takes part.
            deleteObjects(s3, dst.bucket(), remote.keySet().stream().filter(k -> !k.endsWith("/")).toList());
        }
    }

    private void down(S3Engine s3, S3Uri src, Path target) {
        // The folder as the file system has it: SafePaths resolves `link/..` by its text, the
        // walk below by the disk, and the two must name the same files.
        Path dir = realIfExists(target);
        List<TransferRequest> copies = new ArrayList<>();
        Wanted wanted = new Wanted();
        int refused = 0;
        String prefix = src.asPrefix();
        // Every object counts as wanted, selected or not: a local file that is one of them by
        // another spelling (case, NFC/NFD) escapes a filter written like the key, and must still
        // never be deleted.
        for (ObjectInfo o : (Iterable<ObjectInfo>) s3.objects(src.bucket(), prefix)::iterator) {
            if (o.key().endsWith("/")) {
                continue;
            }
            String rel = o.key().substring(prefix.length());
            boolean selected = flags.filters().test(rel);
            Path local;
            try {
                local = SafePaths.resolve(dir, rel);
            } catch (S3EngineException.UnsafeKey e) {
                if (selected) { // one object this computer cannot hold; the others still come
                    refused++;
                    root.err.println(flags.line("failed: s3://" + src.bucket() + "/" + o.key() + ": " + e.getMessage()));
                }
                continue;
            }
            try {
                BasicFileAttributes a = Files.exists(local) ? Files.readAttributes(local, BasicFileAttributes.class) : null;
                wanted.add(local, a);
                if (!selected) {
                    continue;
                }
                if (a == null || !root.protection().sameSize(a.size(), o.size()) || !flags.sizeOnly()
                        && (flags.exactTimestamps() ? !sameSecond(a.lastModifiedTime().toInstant(), o.lastModified())
                        : newer(o.lastModified(), a.lastModifiedTime().toInstant()))) {
                    copies.add(root.protection().download(src.bucket(), o.key(), local));
                }
            } catch (IOException e) {
                throw new S3EngineException.LocalFileProblem(local, "cannot be read (" + e.getMessage() + ")", e);
            }
        }
        copy(s3, copies);
        if (refused > 0) {
            throw new IllegalArgumentException(refused + " object(s) cannot be downloaded here"
                    + (flags.delete() ? "; nothing was deleted" : ""));
        }
        if (flags.delete() && Files.isDirectory(dir)) {
            List<Path> extra = new ArrayList<>();
            // Not through links: a linked folder inside leads elsewhere, and nothing there is ours to delete.
            LocalTree.walk(dir, false, flags.filters(), (f, rel) -> {
                String name = f.getFileName().toString();
                // A ".part" beside a wanted file is a download that may still resume: kept.
                boolean partial = name.endsWith(".part") && wanted.has(f.resolveSibling(name.substring(0, name.length() - 5)));
                if (!partial && !wanted.has(f)) {
                    extra.add(f);
                }
            });
            deleteFiles(extra);
        }
    }

    /// The local files that objects map to. A file is taken for one of them by its path, by the
    /// file system's identity of the file, or by its path case-folded and in NFC: on macOS's and
    /// Windows's disks `photo.jpg` is the object `Photo.JPG`'s file, and must not be deleted as
    /// an extra. On a case-sensitive disk this keeps such a file, the safe way to be wrong.
    private static final class Wanted {
        private final Set<Path> paths = new HashSet<>();
        private final Set<String> folded = new HashSet<>();
        private final Set<Object> identities = new HashSet<>();

        void add(Path file, BasicFileAttributes attributes) {
            Path p = file.toAbsolutePath().normalize();
            paths.add(p);
            folded.add(fold(p));
            if (attributes != null && attributes.fileKey() != null) {
                identities.add(attributes.fileKey());
            }
        }

        boolean has(Path file) throws IOException {
            Path p = file.toAbsolutePath().normalize();
            if (paths.contains(p) || folded.contains(fold(p))) {
                return true;
            }
            Object id = Files.exists(file, LinkOption.NOFOLLOW_LINKS)
                    ? Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey() : null;
            return id != null && identities.contains(id);
        }

        private static String fold(Path p) {
            return LocalTree.folded(p.toString());
        }
    }

    private static Path realIfExists(Path p) {
        try {
            return Files.exists(p) ? p.toRealPath() : p;
        } catch (IOException e) {
            throw new S3EngineException.LocalFileProblem(p, "cannot be read (" + e.getMessage() + ")", e);
        }
    }

    // S3 keeps whole seconds, and an upload ends after its file was written: 1 s of slack.
    private static boolean newer(Instant source, Instant target) {
        return source.isAfter(target.plusSeconds(1));
    }

    // --exact-timestamps: a download sets its file to the object's time (to the second, as S3
    // lists it), so an unchanged file has exactly that time.
    private static boolean sameSecond(Instant a, Instant b) {
        return a.getEpochSecond() == b.getEpochSecond();
    }

    private void copy(S3Engine s3, List<TransferRequest> copies) {
        if (flags.dryRun()) {
            copies.forEach(r -> report.println(flags.line(Batch.describe(r))));
        } else {
            Batch.await(copies.stream().map(s3.transfers()::submit).toList(), report, root.err);
        }
    }

    private void deleteObjects(S3Engine s3, String bucket, List<String> keys) {
        KeyDeletion deletion = new KeyDeletion(s3, bucket, flags, report, root.err);
        keys.forEach(deletion::add);
        deletion.finish();
    }

    private void deleteFiles(List<Path> files) {
        int failed = 0;
        for (Path f : files) {
            if (!flags.dryRun()) {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException e) {
                    failed++;
                    root.err.println("delete failed: " + f + ": " + e.getMessage());
                    continue;
                }
            }
            report.println(flags.line("delete: " + f));
        }
        if (failed > 0) {
            throw new IllegalArgumentException(failed + " file(s) could not be deleted");
        }
    }

    /// The objects under `uri`'s prefix that the filters select, by key.
    private Map<String, ObjectInfo> remote(S3Engine s3, S3Uri uri) {
        Map<String, ObjectInfo> map = new LinkedHashMap<>();
        flags.selected(s3, uri.bucket(), uri.asPrefix()).forEach(o -> map.put(o.key(), o));
        return map;
    }
}
