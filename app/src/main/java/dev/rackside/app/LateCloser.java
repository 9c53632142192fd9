package dev.rackside.app;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CancellationException;

/// Closes, with the app, what background threads started for it (the demo's servers), including
/// what finishes starting only after the app closed: such a server would otherwise keep running
/// with nobody to stop it, and its threads keep the JVM from exiting. Thread-safe.
final class LateCloser implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("dev.rackside.app");
    private final Deque<AutoCloseable> kept = new ArrayDeque<>();
    private boolean closed;

    /// Keeps `started` to close with this one; if this one is closed already, closes `started` now
    /// and throws [CancellationException], so the caller does not go on using it.
    <T extends AutoCloseable> T keep(T started) {
        synchronized (this) {
            if (!closed) {
                kept.push(started);
                return started;
            }
        }
        closeQuietly(started);
        throw new CancellationException("the app closed while this was starting");
    }

    /// Closes what was kept, the latest first.
    @Override
    public void close() {
        Deque<AutoCloseable> all;
        synchronized (this) {
            closed = true;
            all = new ArrayDeque<>(kept);
            kept.clear();
        }
        all.forEach(LateCloser::closeQuietly);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "closing " + c + " failed", e);
        }
    }
}
