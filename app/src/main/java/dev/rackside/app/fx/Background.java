package dev.rackside.app.fx;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/// Runs blocking work (HTTP, disk) off the UI thread and hands the result back on the UI thread.
/// ViewModels receive one, so tests run them with [#direct()] and no toolkit.
public interface Background {

    /// A handle to stop waiting for a submitted piece of work.
    interface Cancellable {
        void cancel();
    }

    <T> Cancellable submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);

    /// Runs everything at once on the calling thread: for ViewModel tests.
    static Background direct() {
        return new Background() {
            @Override
            public <T> Cancellable submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
                T result;
                try {
                    result = work.call();
                } catch (Exception e) {
                    onFailure.accept(e);
                    return () -> { };
                }
                onSuccess.accept(result);
                return () -> { };
            }
        };
    }
}
