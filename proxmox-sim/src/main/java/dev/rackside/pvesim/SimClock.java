package dev.rackside.pvesim;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/// The simulator's notion of time: the system clock plus an offset that tests can move forward,
/// so ticket expiry, task durations and moving metrics can be exercised without waiting.
public final class SimClock implements InstantSource {
    private final InstantSource base;
    private final AtomicLong offsetNanos = new AtomicLong();

    public SimClock(InstantSource base) {
        this.base = base;
    }

    public static SimClock system() {
        return new SimClock(InstantSource.system());
    }

    @Override
    public Instant instant() {
        return base.instant().plusNanos(offsetNanos.get());
    }

    /// Moves simulated time forward; the simulator reacts on the next request.
    public void advance(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("time only moves forward");
        }
        offsetNanos.addAndGet(d.toNanos());
    }

    public long epochSecond() {
        return instant().getEpochSecond();
    }
}
