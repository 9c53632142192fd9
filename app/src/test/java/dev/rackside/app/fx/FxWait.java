package dev.rackside.app.fx;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;

/// Waits for a condition on JavaFX state, reading it on the FX thread. TestFX's `waitFor` polls on
/// the test thread, where streaming an ObservableList that the FX thread is changing threw a
/// ConcurrentModificationException in CI. Each poll is a plain FutureTask rather than TestFX's
/// `asyncFx`, which prints every exception and keeps it for a later test to rethrow.
public final class FxWait {
    private FxWait() {
    }

    /// Polls `condition` on the FX thread until it is true; an exception in it counts as "not yet"
    /// (a row not there yet) and is the cause of the TimeoutException if time runs out.
    public static void until(long seconds, Callable<Boolean> condition) throws TimeoutException {
        if (Platform.isFxApplicationThread()) {
            throw new IllegalStateException("FxWait.until would block the FX thread it waits for");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        Throwable last = null;
        try {
            while (true) {
                FutureTask<Boolean> poll = new FutureTask<>(condition);
                Platform.runLater(poll);
                try {
                    if (Boolean.TRUE.equals(poll.get(Math.max(deadline - System.nanoTime(), 1), TimeUnit.NANOSECONDS))) {
                        return;
                    }
                } catch (ExecutionException e) {
                    last = e.getCause();
                } catch (TimeoutException e) {
                    poll.cancel(false); // the FX thread was busy the whole time
                    last = e;
                }
                if (System.nanoTime() - deadline >= 0) {
                    TimeoutException timeout = new TimeoutException("condition not met within " + seconds + " s");
                    if (last != null) {
                        timeout.initCause(last);
                    }
                    throw timeout;
                }
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
