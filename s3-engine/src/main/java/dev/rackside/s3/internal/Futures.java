package dev.rackside.s3.internal;

import dev.rackside.s3.S3EngineException;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/// Unwraps a future's failure so callers see the [S3EngineException] that was thrown inside.
public final class Futures {
    private Futures() {
    }

    public static <T> T join(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new S3EngineException.Cancelled("The operation");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /// Runs `work` on a daemon thread of its own, named `name`, for start-up pieces built side by
    /// side ([Journal#openInBackground], [DeferredHttpClient]); [#join] gives the result or rethrows
    /// the failure. A platform thread, not a virtual one: a virtual builder holding the jar file's
    /// lock can be left without a carrier while another builder, pinned in class initialisation,
    /// waits for a lock the caller holds (a deadlock seen on one CPU without the AOT cache).
    public static <T> FutureTask<T> inBackground(String name, Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        Thread.ofPlatform().daemon().name(name).start(task);
        return task;
    }

    /// As [#join], but an interrupt does not end the wait: for clean-up that must not leave what
    /// the future builds (a database connection, a connection pool) open behind it. The thread's
    /// interrupt status is restored afterwards.
    public static <T> T joinUninterruptibly(Future<T> f) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return join(f);
                } catch (S3EngineException.Cancelled e) {
                    // join turns an interrupt of this wait into Cancelled and sets the flag again;
                    // without the flag, the Cancelled is the task's own outcome.
                    if (!Thread.interrupted()) {
                        throw e;
                    }
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
