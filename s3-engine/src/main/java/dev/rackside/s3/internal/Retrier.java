package dev.rackside.s3.internal;

import dev.rackside.s3.EngineOptions;
import dev.rackside.s3.S3EngineException;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/// Exponential backoff with full jitter (the AWS architecture blog's recommendation): the n-th
/// wait is uniform in [0, min(max, base·2ⁿ)], so many clients hit by one outage do not retry in
/// lock step.
public final class Retrier {
    private static final System.Logger LOG = System.getLogger(Retrier.class.getName());

    private final int maxAttempts;
    private final Duration base;
    private final Duration max;
    private final String region;
    private final AtomicLong retries = new AtomicLong();

    public Retrier(EngineOptions options, String region) {
        this(options.maxAttempts(), options.retryBaseDelay(), options.retryMaxDelay(), region);
    }

    public Retrier(int maxAttempts, Duration base, Duration max, String region) {
        this.maxAttempts = maxAttempts;
        this.base = base;
        this.max = max;
        this.region = region;
    }

    public <T> T call(String what, Callable<T> op) {
        return call(what, op, () -> false);
    }

    /// Runs `op`, retrying transient failures; `cancelled` is checked before every try.
    public <T> T call(String what, Callable<T> op, BooleanSupplier cancelled) {
        for (int attempt = 1; ; attempt++) {
            if (cancelled.getAsBoolean()) {
                throw new S3EngineException.Cancelled(what);
            }
            try {
                return op.call();
            } catch (S3EngineException.Cancelled e) {
                throw e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new S3EngineException.Cancelled(what);
            } catch (Exception e) {
                if (attempt >= maxAttempts || !Errors.retryable(e) || cancelled.getAsBoolean()) {
                    throw Errors.map(e, what, region, attempt);
                }
                retries.incrementAndGet();
                LOG.log(System.Logger.Level.DEBUG, "try {0} to {1} failed, retrying: {2}", attempt, what, e.toString());
                sleep(backoff(attempt), what);
            }
        }
    }

    /// Retries performed so far (for tests and statistics).
    public long retries() {
        return retries.get();
    }

    Duration backoff(int attempt) {
        long cap = Math.min(max.toMillis(), base.toMillis() << Math.min(attempt - 1, 20));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(cap + 1));
    }

    private static void sleep(Duration d, String what) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new S3EngineException.Cancelled(what);
        }
    }
}
