package dev.rackside.app.fx;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.concurrent.Task;

/// [Background] on virtual threads (the work is blocking HTTP), results delivered on the FX thread
/// through `javafx.concurrent.Task`, which also makes every failure visible instead of lost.
///
/// Once closed, nothing more is started and no result is delivered: work that finished just before
/// the window closed would otherwise call back into components already closed, which then asked
/// this executor for more work and threw RejectedExecutionException on the FX thread.
public final class FxBackground implements Background, AutoCloseable {
    private static final Cancellable NOTHING = () -> { };
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean closed;

    @Override
    public <T> Cancellable submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        if (closed) {
            return NOTHING;
        }
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> {
            if (!closed) {
                onSuccess.accept(task.getValue());
            }
        });
        task.setOnFailed(e -> {
            if (!closed) {
                onFailure.accept(task.getException());
            }
        });
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            return NOTHING; // closed between the check and here
        }
        return () -> task.cancel(true);
    }

    /// Posts to the FX thread; used by libraries' listener callbacks, coalesced by the caller.
    public static void onFx(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }

    @Override
    public void close() {
        closed = true;
        executor.shutdownNow();
    }
}
