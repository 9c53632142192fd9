package dev.rackside.s3.internal;

import dev.rackside.s3.TransferListener;
import dev.rackside.s3.TransferProgress;
import dev.rackside.s3.TransferState;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/// The one thread [TransferEngine]'s listeners hear from, so they see a transfer's events in
/// order, and the ticker on that thread that coalesces progress. A listener that throws is logged
/// and does not stop the others.
final class TransferEvents {
    // Logged under the engine's name, where operators already look for transfer trouble.
    private static final System.Logger LOG = System.getLogger(TransferEngine.class.getName());

    private final List<TransferListener> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rackside-s3-events");
        t.setDaemon(true);
        return t;
    });

    /// Every `every` (first after one interval), tells listeners the progress of each running
    /// task that moved since the last tick, then, if any did, the `total` over all of them.
    void tickEvery(Duration every, List<TransferTask> tasks, Supplier<TransferProgress> total) {
        long millis = every.toMillis();
        thread.scheduleAtFixedRate(() -> tick(tasks, total), millis, millis, TimeUnit.MILLISECONDS);
    }

    private void tick(List<TransferTask> tasks, Supplier<TransferProgress> total) {
        boolean any = false;
        for (TransferTask t : tasks) {
            if (t.state() == TransferState.RUNNING && t.sample()) {
                any = true;
                TransferProgress p = t.progress();
                tell(l -> l.bytesTransferred(p));
            }
        }
        if (any) {
            TransferProgress sum = total.get();
            tell(l -> l.queueProgress(sum));
        }
    }

    void add(TransferListener l) {
        listeners.add(l);
    }

    void remove(TransferListener l) {
        listeners.remove(l);
    }

    /// Queues `event` for every listener; dropped once closed.
    void fire(Consumer<TransferListener> event) {
        if (!thread.isShutdown()) {
            thread.execute(() -> tell(event));
        }
    }

    private void tell(Consumer<TransferListener> event) {
        listeners.forEach(l -> safely(() -> event.accept(l)));
    }

    void close() {
        thread.shutdown();
    }

    private static void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "a transfer listener failed", e);
        }
    }
}
