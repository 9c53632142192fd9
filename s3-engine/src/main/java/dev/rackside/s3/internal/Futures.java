package dev.rackside.s3.internal;

import dev.rackside.s3.S3EngineException;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

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
}
