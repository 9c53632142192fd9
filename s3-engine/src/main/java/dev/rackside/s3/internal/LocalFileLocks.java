package dev.rackside.s3.internal;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

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
        Entry e = HELD.compute(key, (k, v) -> {
            Entry entry = v == null ? new Entry() : v;
            entry.users++;
            return entry;
        });
        try {
            while (!e.lock.tryLock(100, TimeUnit.MILLISECONDS)) {
                if (stopped.getAsBoolean()) {
                    release(key);
                    return null;
                }
            }
        } catch (InterruptedException ie) {
            release(key);
            throw ie;
        }
        return () -> {
            e.lock.unlock();
            release(key);
        };
    }

    private static void release(String key) {
        HELD.computeIfPresent(key, (k, v) -> --v.users == 0 ? null : v);
    }

    static String key(Path file) {
        return Normalizer.normalize(file.toAbsolutePath().normalize().toString(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    /// How many files are held or waited for (for tests: the map must not grow with each download).
    static int size() {
        return HELD.size();
    }
}
