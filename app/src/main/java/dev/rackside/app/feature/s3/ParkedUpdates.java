package dev.rackside.app.feature.s3;

import dev.rackside.s3.S3EngineException;
import dev.rackside.s3.TransferListener;
import dev.rackside.s3.TransferProgress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/// The engines' transfer events on their way to [TransfersViewModel]: parked in a map on the
/// engine's thread (latest per transfer wins) and handed over in one batch on the UI thread, so
/// the UI sees at most one posted runnable at a time however many files move.
final class ParkedUpdates {
    /// The latest news of one transfer; `error` is null unless it failed.
    record Update(S3Session session, TransferProgress progress, S3EngineException error) {
    }

    private final Map<String, Update> pending = new ConcurrentHashMap<>();
    private final AtomicBoolean drainPosted = new AtomicBoolean();
    private final Consumer<Runnable> ui;
    private final Consumer<Update> apply;
    private final Runnable afterBatch;

    /// `apply` gets each parked update on the UI thread, then `afterBatch` runs once per batch.
    ParkedUpdates(Consumer<Runnable> ui, Consumer<Update> apply, Runnable afterBatch) {
        this.ui = ui;
        this.apply = apply;
        this.afterBatch = afterBatch;
    }

    /// A listener for `s`'s engine that parks whatever it hears.
    TransferListener listenerFor(S3Session s) {
        return new TransferListener() {
            @Override
            public void transferInitiated(TransferProgress p) {
                park(new Update(s, p, null));
            }

            @Override
            public void bytesTransferred(TransferProgress p) {
                park(new Update(s, p, null));
            }

            @Override
            public void transferComplete(TransferProgress p) {
                park(new Update(s, p, null));
            }

            @Override
            public void transferFailed(TransferProgress p, S3EngineException error) {
                park(new Update(s, p, error));
            }
        };
    }

    /// Engine thread: remember the latest news and post one drain if none is pending.
    private void park(Update u) {
        pending.put(u.progress().id(), u);
        if (drainPosted.compareAndSet(false, true)) {
            ui.accept(this::drain);
        }
    }

    private void drain() {
        drainPosted.set(false);
        for (String id : List.copyOf(pending.keySet())) {
            Update u = pending.remove(id);
            if (u != null) {
                apply.accept(u);
            }
        }
        afterBatch.run();
    }
}
