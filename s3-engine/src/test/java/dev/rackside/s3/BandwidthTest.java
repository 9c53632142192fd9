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

    @Test
    void overlappingWindowsApplyTogetherTheLowestLimitPerDirectionWinning() {
        BandwidthSchedule s = BandwidthSchedule.builder(UTC)
                .window(EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, 0, 50) // all day, down only
                .weekdays(LocalTime.of(8, 0), LocalTime.of(18, 0), 10, 80)
                .otherwise(7, 7).build();
        assertEquals(new BandwidthSchedule.Limits(10, 50), s.at(Instant.parse("2026-11-23T09:30:00Z")), "Monday office hours");
        assertEquals(new BandwidthSchedule.Limits(0, 50), s.at(Instant.parse("2026-11-28T09:30:00Z")), "Saturday: the all-day window");
    }

    @Test
    void aLimitLiftedReachesTransfersAlreadyWaiting() throws Exception {
        Throttle t = new Throttle(10 * 1024, null, Clock.systemUTC(), BandwidthSchedule.Limits::upload);
        var threads = new Thread[16];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = Thread.ofVirtual().start(() -> {
                try {
                    t.acquire(64 * 1024); // 6 s each at 10 KiB/s, 100 s for all sixteen
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        Thread.sleep(300);
        long lifted = System.nanoTime();
        t.setLimit(0);
        for (Thread th : threads) {
            th.join(5_000);
        }
        double seconds = (System.nanoTime() - lifted) / 1e9;
        assertTrue(java.util.Arrays.stream(threads).noneMatch(Thread::isAlive), "still waiting after the limit was lifted");
        assertTrue(seconds < 1.0, "the last waiting transfer went on after " + seconds + " s");
    }

    @Test
    void interruptedWaitersLeaveNoDebtForTheOthers() throws Exception {
        Throttle t = new Throttle(1_000_000, null, Clock.systemUTC(), BandwidthSchedule.Limits::upload);
        var threads = new Thread[8];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = Thread.ofVirtual().start(() -> {
                try {
                    t.acquire(2_000_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        Thread.sleep(200);
        for (Thread th : threads) {
            th.interrupt();
            th.join();
        }
        long start = System.nanoTime();
        t.acquire(200_000);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 0.6, "200 kB at 1 MB/s after the others were paused took " + seconds + " s");
    }

    @Test
    void limitsAboveOneBytePerNanosecondStillHold() throws Exception {
        Throttle t = new Throttle(4_000_000_000L, null, Clock.systemUTC(), BandwidthSchedule.Limits::download);
        long start = System.nanoTime();
        t.acquire(1_200_000_000L); // 0.3 s at 4 GB/s; bucket4j alone refuses more than 1 token per nanosecond
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds > 0.2 && seconds < 1.5, "1.2 GB at 4 GB/s took " + seconds + " s");
    }

    @Test
    void aLargeReadIsNotStarvedBySmallerOnes() throws Exception {
        Throttle t = new Throttle(2_000_000, null, Clock.systemUTC(), BandwidthSchedule.Limits::upload);
        var large = new java.util.concurrent.atomic.AtomicLong();
        var small = new java.util.concurrent.atomic.AtomicLong();
        long end = System.nanoTime() + 3_000_000_000L;
        var threads = new java.util.ArrayList<Thread>();
        threads.add(Thread.ofVirtual().start(() -> drain(t, 64 * 1024, large, end)));
        for (int i = 0; i < 4; i++) {
            threads.add(Thread.ofVirtual().start(() -> drain(t, 8 * 1024, small, end)));
        }
        for (Thread th : threads) {
            th.join();
        }
        // Turns go round: the 64 KiB reader moves a piece per turn like each 8 KiB reader.
        assertTrue(large.get() > 1_000_000, "64 KiB reads got " + large.get() + " B, 8 KiB reads " + small.get() + " B");
    }

    @Test
    void hugeLimitsDoNotOverflow() throws Exception {
        Throttle t = new Throttle(Long.MAX_VALUE, null, Clock.systemUTC(), BandwidthSchedule.Limits::download);
        long start = System.nanoTime();
        t.acquire(64 * 1024 * 1024);
        assertTrue((System.nanoTime() - start) / 1e9 < 1.0);
    }

    private static void drain(Throttle t, int size, java.util.concurrent.atomic.AtomicLong counter, long end) {
        try {
            while (System.nanoTime() < end) {
                t.acquire(size);
                counter.addAndGet(size);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
