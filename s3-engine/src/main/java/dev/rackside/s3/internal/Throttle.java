package dev.rackside.s3.internal;

import dev.rackside.s3.BandwidthSchedule;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TokensInheritanceStrategy;

import java.time.Clock;
import java.time.Duration;
import java.util.function.ToLongFunction;

/// One direction's bandwidth limit: a token bucket (bucket4j) shared by every transfer in that
/// direction. The rate is the lower of the fixed limit and the schedule's (0 = unlimited) and
/// is re-read on every acquire, so changes apply while transfers run.
public final class Throttle {
    private final Clock clock;
    private final ToLongFunction<BandwidthSchedule.Limits> pick;
    private volatile long fixed;
    private volatile BandwidthSchedule schedule;
    private long rate;
    private Bucket bucket;

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

    /// Blocks until `bytes` may pass.
    public void acquire(long bytes) throws InterruptedException {
        long left = bytes;
        while (left > 0) {
            long r = currentRate();
            Bucket b = bucketFor(r);
            if (b == null) {
                return;
            }
            // At most the bucket's capacity at once, so a lowered limit bites within ~100 ms.
            long chunk = Math.min(left, capacity(r));
            b.asBlocking().consume(chunk);
            left -= chunk;
        }
    }

    private synchronized Bucket bucketFor(long r) {
        if (r <= 0) {
            rate = 0;
            return null;
        }
        if (bucket == null || r != rate) {
            BucketConfiguration config = BucketConfiguration.builder()
                    .addLimit(Bandwidth.builder().capacity(capacity(r)).refillGreedy(r, Duration.ofSeconds(1)).build())
                    .build();
            if (bucket == null) {
                bucket = Bucket.builder().addLimit(config.getBandwidths()[0]).build();
                // Start empty: a full bucket would let a new transfer burst past the limit.
                bucket.tryConsumeAsMuchAsPossible();
            } else {
                bucket.replaceConfiguration(config, TokensInheritanceStrategy.PROPORTIONALLY);
            }
            rate = r;
        }
        return bucket;
    }

    // 100 ms worth of tokens, at least 16 KiB so small limits still move whole reads.
    private static long capacity(long r) {
        return Math.max(16 * 1024, r / 10);
    }
}
