package dev.rackside.s3;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/// One [BandwidthLimits] given to two engines caps what both move together, as the app's
/// "limit my uplink" setting needs when two endpoints upload at once.
class SharedLimitsTest {

    @Test
    void twoEnginesSharingLimitsMoveNoMoreThanTheLimitTogether(@TempDir Path store, @TempDir Path dir) throws Exception {
        Path a = TestFiles.random(dir, "a.bin", 3_000_000, 11);
        Path b = TestFiles.random(dir, "b.bin", 3_000_000, 12);
        BandwidthLimits shared = BandwidthLimits.unlimited();
        shared.setUploadLimit(3_000_000);
        EngineOptions options = S3ProxyServer.fastOptions().sharedLimits(shared).build();
        try (S3ProxyServer server = S3ProxyServer.onDisk(store);
             S3Engine one = S3Engine.open(server.endpoint(), options);
             S3Engine two = S3Engine.open(server.endpoint(), options)) {
            one.createBucket("shared");
            assertSame(shared, one.transfers().limits());
            long start = System.nanoTime();
            Transfer up1 = one.transfers().upload(a, "shared", "a.bin");
            Transfer up2 = two.transfers().upload(b, "shared", "b.bin");
            up1.await();
            up2.await();
            double seconds = (System.nanoTime() - start) / 1e9;
            // 6 MB at 3 MB/s together is 2 s; each engine on its own limit would finish in about 1 s.
            assertTrue(seconds > 1.8 && seconds < 4.0, "both uploads took " + seconds + " s");

            // A change through either queue is the shared one.
            two.transfers().setUploadLimit(0);
            assertEquals(0, one.transfers().limits().inForce().upload());
        }
    }

    @Test
    void inForceCombinesTheFixedLimitsWithTheSchedulesWindow() {
        Clock monday = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), BandwidthTest.UTC);
        BandwidthSchedule office = BandwidthSchedule.builder(BandwidthTest.UTC)
                .weekdays(LocalTime.of(8, 0), LocalTime.of(18, 0), 1_000_000, 5_000_000).build();
        BandwidthLimits limits = new BandwidthLimits(2_000_000, 0, office, monday);
        assertEquals(new BandwidthSchedule.Limits(1_000_000, 5_000_000), limits.inForce());
        limits.setSchedule(null);
        assertEquals(new BandwidthSchedule.Limits(2_000_000, 0), limits.inForce());
        assertTrue(limits.schedule().isEmpty());
    }

    @Test
    void sharedLimitsAndAnEnginesOwnLimitsDoNotMix() {
        var e = assertThrows(IllegalArgumentException.class, () -> EngineOptions.builder()
                .sharedLimits(BandwidthLimits.unlimited()).uploadLimit(1_000).build());
        assertTrue(e.getMessage().contains("either shared limits"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EngineOptions.builder().downloadLimit(-1).build());
    }
}
