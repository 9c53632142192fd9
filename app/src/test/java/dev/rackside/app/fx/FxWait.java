package dev.rackside.app.fx;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testfx.util.WaitForAsyncUtils;

/// Waits for a condition on JavaFX state, reading it on the FX thread. TestFX's `waitFor` polls on
/// the test thread, where streaming an ObservableList that the FX thread is changing threw a
/// ConcurrentModificationException in CI.
public final class FxWait {
    private FxWait() {
    }

    /// Polls `condition` on the FX thread until it is true; an exception in it counts as "not yet"
    /// (a row not there yet) and is reported if time runs out.
    public static void until(long seconds, Callable<Boolean> condition) throws TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        Throwable last = null;
        while (true) {
            long left = deadline - System.nanoTime();
            try {
                if (Boolean.TRUE.equals(WaitForAsyncUtils.asyncFx(condition).get(Math.max(left, 1), TimeUnit.NANOSECONDS))) {
                    return;
                }
            } catch (ExecutionException e) {
                last = e.getCause();
            } catch (TimeoutException e) {
                last = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting", e);
            }
            if (System.nanoTime() - deadline >= 0) {
                TimeoutException timeout = new TimeoutException("condition not met within " + seconds + " s");
                if (last != null) {
                    timeout.initCause(last);
                }
                throw timeout;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting", e);
            }
        }
    }
}
