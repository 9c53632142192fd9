package dev.rackside.app.feature.s3;

import dev.rackside.s3.ObjectPage;
import dev.rackside.s3.S3Engine;
import dev.rackside.s3.S3EngineException;
import dev.rackside.s3.SafePaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/// What a copy, move, rename or download would overwrite. S3 and the file system both replace
/// silently, so the browser asks first; these are the questions it asks the server and the disk.
/// They run off the UI thread: each is a request or a look at a folder.
final class Conflicts {
    private Conflicts() {
    }

    /// True if `target` already holds an object (or, for a folder, any object under its prefix).
    /// A refusal to look counts as free: without `s3:ListBucket` S3 answers 403 for a missing key,
    /// and a write-only operator must still be able to copy into the bucket.
    static boolean taken(S3Engine engine, S3Prompts.Target target, boolean folder) {
        try {
            if (folder) {
                Iterator<ObjectPage> pages = engine.list(target.bucket(), target.key(), false, 1).iterator();
                return pages.hasNext() && !pages.next().objects().isEmpty();
            }
            engine.head(target.bucket(), target.key());
            return true;
        } catch (S3EngineException.NotFound | S3EngineException.AccessDenied e) {
            return false;
        }
    }

    /// The names among `paths` (files and folders to upload into `prefix`) that are taken there: an
    /// object of the file's name, or objects under the folder's. One listing of the prefix's level
    /// (up to [#LEVEL_PAGES] pages) answers for all; names it did not reach are asked one by one.
    static List<String> remote(S3Engine engine, String bucket, String prefix, List<Path> paths) {
        return remote(engine, bucket, prefix, paths, 1000, LEVEL_PAGES);
    }

    static List<String> remote(S3Engine engine, String bucket, String prefix, List<Path> paths, int pageSize, int maxPages) {
        return named(engine, bucket, prefix, paths.stream().map(p -> new Named(p.getFileName().toString(), Files.isDirectory(p)))
                .toList(), pageSize, maxPages);
    }

    /// A name an item would take in a folder; `folder` when it is one (its key then ends with "/").
    record Named(String name, boolean folder) {
        static Named of(ObjectRow r) {
            return new Named(r.baseName(), r.isFolder());
        }

        /// What it is called in its folder: the name, and "/" after a folder's.
        String entry() {
            return folder ? name + "/" : name;
        }
    }

    /// The `items` whose names are taken in `prefix` of `bucket`, as [#remote] finds them.
    static List<String> named(S3Engine engine, String bucket, String prefix, List<Named> items) {
        return named(engine, bucket, prefix, items, 1000, LEVEL_PAGES);
    }

    private static List<String> named(S3Engine engine, String bucket, String prefix, List<Named> items, int pageSize, int maxPages) {
        Set<String> there = new HashSet<>();
        boolean whole = true;
        int pages = 0;
        try {
            for (ObjectPage page : engine.list(bucket, prefix, true, pageSize)) {
                page.folders().forEach(there::add);
                page.objects().forEach(o -> there.add(o.key()));
                if (++pages == maxPages && page.truncated()) {
                    whole = false;
                    break;
                }
            }
        } catch (S3EngineException.AccessDenied e) {
            whole = false; // write-only keys may not list: ask name by name, where a refusal counts as free
        }
        List<Named> unsettled = whole ? List.of() : items.stream().filter(i -> !there.contains(prefix + i.entry())).toList();
        Set<Named> askedTaken = asked(engine, bucket, prefix, unsettled);
        return items.stream().filter(i -> there.contains(prefix + i.entry()) || askedTaken.contains(i)).map(Named::entry).toList();
    }

    /// Those of `items` that are taken, asked one by one, 8 at a time: thousands of loose files dropped
    /// with a key that may not list would otherwise wait for thousands of requests in a row.
    private static Set<Named> asked(S3Engine engine, String bucket, String prefix, List<Named> items) {
        if (items.isEmpty()) {
            return Set.of();
        }
        try (ExecutorService ask = Executors.newVirtualThreadPerTaskExecutor()) {
            Semaphore eight = new Semaphore(8);
            List<Future<Boolean>> answers = items.stream().map(item -> ask.submit(() -> {
                eight.acquire();
                try {
                    return taken(engine, new S3Prompts.Target(bucket, prefix + item.entry()), item.folder());
                } finally {
                    eight.release();
                }
            })).toList();
            Set<Named> taken = new HashSet<>();
            for (int i = 0; i < items.size(); i++) {
                if (answers.get(i).get()) {
                    taken.add(items.get(i));
                }
            }
            return taken;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new S3EngineException.Cancelled("checking names in " + bucket + "/" + prefix);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /// Pages of 1,000 names an upload's check lists at most before asking name by name.
    static final int LEVEL_PAGES = 20;

    /// The names among `rows` that a download into `folder` would overwrite: a file of that name,
    /// or for a folder a non-empty one. Names that are unsafe here are left to the download, which
    /// refuses them.
    static List<String> local(Path folder, List<ObjectRow> rows) throws IOException {
        List<String> taken = new ArrayList<>();
        for (ObjectRow r : rows) {
            Path target;
            try {
                target = SafePaths.resolve(folder, r.baseName());
            } catch (S3EngineException.UnsafeKey unsafe) {
                continue;
            }
            if (r.isFolder() ? nonEmptyFolder(target) : Files.exists(target)) {
                taken.add(Named.of(r).entry());
            }
        }
        return taken;
    }

    /// The names that two or more of `rows` would download to (search results from different
    /// folders can share one): such a download would write both into one file.
    static List<String> sameName(List<ObjectRow> rows) {
        // Windows and macOS file systems do not tell "ISO" from "iso" apart by default.
        return repeated(rows.stream().map(ObjectRow::baseName).toList(), n -> n.toLowerCase(Locale.ROOT));
    }

    /// The names that two or more of `rows` would take as keys in one folder. S3 keys are
    /// case-sensitive, and a folder `x/` is another key than an object `x`.
    static List<String> sameKey(List<ObjectRow> rows) {
        return repeated(rows.stream().map(r -> Named.of(r).entry()).toList(), n -> n);
    }

    /// The `names` that occur more than once when compared as `same` makes them, each once.
    private static List<String> repeated(List<String> names, UnaryOperator<String> same) {
        Map<String, Integer> seen = new HashMap<>();
        names.forEach(n -> seen.merge(same.apply(n), 1, Integer::sum));
        return names.stream().filter(n -> seen.get(same.apply(n)) > 1).distinct().toList();
    }

    private static boolean nonEmptyFolder(Path p) throws IOException {
        if (!Files.isDirectory(p)) {
            return false; // nothing there, or a file in the way, on which the download fails and says so
        }
        try (Stream<Path> entries = Files.list(p)) {
            return entries.findAny().isPresent();
        }
    }
}
