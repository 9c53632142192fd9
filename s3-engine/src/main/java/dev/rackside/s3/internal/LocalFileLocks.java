package dev.rackside.s3.internal;

import dev.rackside.s3.LocalTree;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/// One download at a time per local file, across every engine in the process. Two objects whose
/// keys differ only in case (`Photo.JPG`, `photo.jpg`) are one file on macOS's and Windows's
/// disks, and so is their `.part` file: downloaded side by side, each would verify the bytes it
/// fetched while the other overwrote them on disk, and a mix could be renamed into place. Paths
/// are compared case-folded and in NFC, so on a case-sensitive disk such downloads merely wait for
/// each other; the last to finish is the file, whole.
final class LocalFileLocks {
    private static final ConcurrentHashMap<String, Entry> HELD = new ConcurrentHashMap<>();

    private LocalFileLocks() {
    }

    // `users` changes only inside the map's compute calls, which hold the entry's bin.
    private static final class Entry {
        final ReentrantLock lock = new ReentrantLock();
        int users;
    }

    /// The lock on `file`, held until closed.
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /// Waits for `file` to be free.
    static Held hold(Path file) throws InterruptedException {
        return hold(file, () -> false);
    }

    /// Waits for `file` to be free, or until `stopped` says so (then null): a transfer's pause or
    /// cancel is a flag the wait looks at every 100 ms. An interrupt would do it at once, but one
    /// that arrived late would land in the download's file I/O and close its channel.
    static Held hold(Path file, BooleanSupplier stopped) throws InterruptedException {
        String key = key(file);
        Entry e = enter(key);
        boolean acquired = false;
        try {
            while (!(acquired = e.lock.tryLock(100, TimeUnit.MILLISECONDS))) {
                if (stopped.getAsBoolean()) {
                    return null;
                }
            }
        } finally {
            if (!acquired) {
                release(key);
            }
        }
        return held(e, key);
    }

    /// `file` held at once if no download has it, else null.
    static Held tryHold(Path file) {
        String key = key(file);
        Entry e = enter(key);
        if (!e.lock.tryLock()) {
            release(key);
            return null;
        }
        return held(e, key);
    }

    private static Entry enter(String key) {
        return HELD.compute(key, (k, v) -> {
            Entry entry = v == null ? new Entry() : v;
            entry.users++;
            return entry;
        });
    }

    private static Held held(Entry e, String key) {
        return () -> {
            e.lock.unlock();
            release(key);
        };
    }

    private static void release(String key) {
        HELD.computeIfPresent(key, (k, v) -> --v.users == 0 ? null : v);
    }

    /// The file's path with its nearest existing folder as the disk has it (links, 8.3 names and
    /// mapped drives resolved), folded as [LocalTree#folded].
    static String key(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        Path real = abs;
        if (existing != null) {
            try {
                real = existing.toRealPath().resolve(existing.relativize(abs));
            } catch (IOException e) {
                // as typed: a folder that cannot be read will fail the download anyway
            }
        }
        return LocalTree.folded(real.toString());
    }

    /// How many files are held or waited for (for tests: the map must not grow with each download).
    static int size() {
        return HELD.size();
    }
}
