package dev.rackside.s3;

import dev.rackside.s3.internal.Throttle;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BandwidthTest {
    static final ZoneId UTC = ZoneOffset.UTC;
    static final long TEN_MB = 10_000_000;

    /// A wall clock the test moves by hand.
    static final class MovableClock extends Clock {
        final AtomicReference<Instant> now;

        MovableClock(String instant) {
            now = new AtomicReference<>(Instant.parse(instant));
        }

        @Override
        public ZoneId getZone() {
            return UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    static BandwidthSchedule officeHours() {
        return BandwidthSchedule.builder(UTC).weekdays(LocalTime.of(8, 0), LocalTime.of(18, 0), TEN_MB, TEN_MB)
                .otherwise(0, 0).build();
    }

    @Test
    void weekdayOfficeHoursAreLimitedOtherwiseUnlimited() {
        BandwidthSchedule s = officeHours();
        assertEquals(new BandwidthSchedule.Limits(TEN_MB, TEN_MB), s.at(Instant.parse("2026-11-23T09:30:00Z"))); // Monday
        assertEquals(new BandwidthSchedule.Limits(TEN_MB, TEN_MB), s.at(Instant.parse("2026-11-27T08:00:00Z"))); // Friday, start
        assertEquals(new BandwidthSchedule.Limits(0, 0), s.at(Instant.parse("2026-11-27T18:00:00Z")));         // end is exclusive
        assertEquals(new BandwidthSchedule.Limits(0, 0), s.at(Instant.parse("2026-11-28T10:00:00Z")));         // Saturday
        assertEquals(new BandwidthSchedule.Limits(0, 0), s.at(Instant.parse("2026-11-23T07:59:59Z")));
    }

    @Test
    void windowsOverMidnightBelongToTheDayTheyStart() {
        BandwidthSchedule s = BandwidthSchedule.builder(UTC)
                .window(EnumSet.of(DayOfWeek.FRIDAY), LocalTime.of(22, 0), LocalTime.of(6, 0), 1, 2).build();
        assertEquals(new BandwidthSchedule.Limits(1, 2), s.at(Instant.parse("2026-11-27T23:00:00Z"))); // Fri night
        assertEquals(new BandwidthSchedule.Limits(1, 2), s.at(Instant.parse("2026-11-28T05:00:00Z"))); // Sat early
        assertEquals(new BandwidthSchedule.Limits(0, 0), s.at(Instant.parse("2026-11-28T23:00:00Z"))); // Sat night
    }

    @Test
    void throttleFollowsTheScheduleAndTheLowerOfBothLimits() {
        MovableClock clock = new MovableClock("2026-11-23T12:00:00Z");
        Throttle t = new Throttle(0, officeHours(), clock, BandwidthSchedule.Limits::upload);
        assertEquals(TEN_MB, t.currentRate());
        t.setLimit(2_000_000);
        assertEquals(2_000_000, t.currentRate());
        clock.now.set(Instant.parse("2026-11-23T19:00:00Z"));
        assertEquals(2_000_000, t.currentRate(), "the fixed limit still applies outside the window");
        t.setLimit(0);
        assertEquals(0, t.currentRate(), "unlimited outside office hours");
    }

    @Test
    void twentyMegabytesPerSecondHoldsWithinTenPercentOverTenSeconds() throws Exception {
        long rate = 20_000_000;
        Throttle t = new Throttle(rate, null, Clock.systemUTC(), BandwidthSchedule.Limits::upload);
        long start = System.nanoTime();
        long passed = 0;
        // Four readers sharing one limit, as parallel parts do.
        var threads = new Thread[4];
        var counter = new java.util.concurrent.atomic.AtomicLong();
        for (int i = 0; i < threads.length; i++) {
            threads[i] = Thread.ofVirtual().start(() -> {
                try {
                    while (System.nanoTime() - start < 10_000_000_000L) {
                        t.acquire(64 * 1024);
                        counter.addAndGet(64 * 1024);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        for (Thread th : threads) {
            th.join();
        }
        passed = counter.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        double measured = passed / seconds;
        assertTrue(Math.abs(measured - rate) / rate < 0.10, "measured " + measured + " B/s");
    }

    @Test
    void aLimitChangedWhileRunningAppliesAtOnce() throws Exception {
        Throttle t = new Throttle(50_000_000, null, Clock.systemUTC(), BandwidthSchedule.Limits::download);
        t.acquire(10_000_000);
        t.setLimit(1_000_000);
        long start = System.nanoTime();
        t.acquire(1_000_000);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds > 0.7 && seconds < 1.5, "1 MB at 1 MB/s took " + seconds + " s");
    }
}
