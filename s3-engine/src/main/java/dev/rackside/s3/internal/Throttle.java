package dev.rackside.s3.internal;

import dev.rackside.s3.BandwidthSchedule;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TokensInheritanceStrategy;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

/// One direction's bandwidth limit: a token bucket (bucket4j) shared by every transfer in that
/// direction. The rate is the lower of the fixed limit and the schedule's (0 = unlimited) and
/// is re-read at least every [#STEP], so a limit raised, lowered or lifted reaches transfers that
/// are already waiting within that time.
///
/// Waiting transfers take turns, first come first served, one piece each: only the transfer whose
/// turn it is takes tokens, so a large read is never starved by smaller ones, and the others wait
/// on a lock without spending CPU.
public final class Throttle {
    /// The longest a transfer waits before it reads the rate again.
    static final Duration STEP = Duration.ofMillis(100);
    // bucket4j refills at most one token per nanosecond: above that, a token stands for more bytes.
    private static final long MAX_TOKENS_PER_SECOND = 500_000_000L;

    private final Clock clock;
    private final ToLongFunction<BandwidthSchedule.Limits> pick;
    private volatile long fixed;
    private volatile BandwidthSchedule schedule;
    private long rate;
    private long unit = 1;
    private Bucket bucket;
    private final java.util.concurrent.locks.ReentrantLock turn = new java.util.concurrent.locks.ReentrantLock(true);

    public Throttle(long fixed, BandwidthSchedule schedule, Clock clock, ToLongFunction<BandwidthSchedule.Limits> pick) {
        this.fixed = fixed;
        this.schedule = schedule;
        this.clock = clock;
        this.pick = pick;
    }

    public void setLimit(long bytesPerSecond) {
        this.fixed = Math.max(0, bytesPerSecond);
    }

    public void setSchedule(BandwidthSchedule schedule) {
        this.schedule = schedule;
    }

    /// The schedule in force, or null.
    public BandwidthSchedule schedule() {
        return schedule;
    }

    /// The rate in force now, 0 = unlimited.
    public long currentRate() {
        long r = fixed;
        BandwidthSchedule s = schedule;
        if (s != null) {
            long scheduled = pick.applyAsLong(s.at(clock.instant()));
            r = r == 0 ? scheduled : scheduled == 0 ? r : Math.min(r, scheduled);
        }
        return r;
    }

    /// Blocks until `bytes` may pass. Interrupted (a paused or cancelled transfer), it leaves no
    /// debt: tokens are taken only once they are there, never reserved ahead.
    public void acquire(long bytes) throws InterruptedException {
        if (currentRate() == 0) {
            return; // the usual case, on every read of every transfer: no lock, no bucket
        }
        long left = bytes;
        while (left > 0) {
            turn.lockInterruptibly();
            try {
                long piece = takePiece(left);
                if (piece < 0) {
                    return; // unlimited now
                }
                left -= piece;
            } finally {
                turn.unlock();
            }
        }
    }

    /// With the turn held: waits until one piece of at most `left` bytes may pass, reading the rate
    /// again at least every [#STEP]. Returns the bytes let through, or -1 once there is no limit.
    private long takePiece(long left) throws InterruptedException {
        while (true) {
            long r = currentRate();
            Step step = stepFor(r);
            if (step == null) {
                return -1;
            }
            // A quarter of the bucket at most: a lowered limit bites within ~100 ms.
            long piece = Math.min(left, Math.max(1, capacity(r) / 4));
            long tokens = Math.max(1, Math.ceilDiv(piece, step.unit()));
            if (step.bucket().tryConsume(tokens)) {
                return piece;
            }
            long nanos = step.bucket().estimateAbilityToConsume(tokens).getNanosToWaitForRefill();
            TimeUnit.NANOSECONDS.sleep(Math.max(100_000, Math.min(nanos, STEP.toNanos())));
        }
    }

    private record Step(Bucket bucket, long unit) {
    }

    private synchronized Step stepFor(long r) {
        if (r <= 0) {
            rate = 0;
            return null;
        }
        if (bucket == null || r != rate) {
            long u = Math.max(1, Math.ceilDiv(r, MAX_TOKENS_PER_SECOND));
            long perSecond = Math.max(1, r / u);
            BucketConfiguration config = BucketConfiguration.builder()
                    .addLimit(Bandwidth.builder().capacity(Math.max(1, capacity(r) / u)).refillGreedy(perSecond, Duration.ofSeconds(1))
                            .build())
                    .build();
            if (bucket == null || u != unit) {
                bucket = Bucket.builder().addLimit(config.getBandwidths()[0]).build();
                // Start empty: a full bucket would let a new transfer burst past the limit.
                bucket.tryConsumeAsMuchAsPossible();
            } else {
                bucket.replaceConfiguration(config, TokensInheritanceStrategy.PROPORTIONALLY);
            }
            rate = r;
            unit = u;
        }
        return new Step(bucket, unit);
    }

    // 100 ms worth of bytes, at least 16 KiB so small limits still move whole reads.
    private static long capacity(long r) {
        return Math.max(16 * 1024, r / 10);
    }
}
