package dev.rackside.s3;

import dev.rackside.s3.internal.Throttle;

import java.time.Clock;
import java.util.Optional;

/// Upload and download limits that several engines share, so "10 MiB/s up" caps the operator's
/// uplink however many endpoints move files at once. Give the same instance to every engine
/// through [EngineOptions.Builder#sharedLimits]; an engine built without it gets limits of its
/// own from the options' fixed limits and schedule.
///
/// Limits are bytes per second, 0 meaning unlimited. The fixed limits cap the rate at all times;
/// the schedule's window in force (or its default) applies on top, the lower rate winning.
/// Every change applies to running transfers within a fraction of a second. Thread-safe.
public final class BandwidthLimits {
    final Throttle up;
    final Throttle down;

    /// @param schedule may be null (no schedule)
    public BandwidthLimits(long upload, long download, BandwidthSchedule schedule, Clock clock) {
        if (upload < 0 || download < 0) {
            throw new IllegalArgumentException("limits must be ≥ 0 (0 = unlimited)");
        }
        this.up = new Throttle(upload, schedule, clock, BandwidthSchedule.Limits::upload);
        this.down = new Throttle(download, schedule, clock, BandwidthSchedule.Limits::download);
    }

    /// No limits and no schedule, read with the system clock.
    public static BandwidthLimits unlimited() {
        return new BandwidthLimits(0, 0, null, Clock.systemDefaultZone());
    }

    public void setUploadLimit(long bytesPerSecond) {
        up.setLimit(checked(bytesPerSecond));
    }

    public void setDownloadLimit(long bytesPerSecond) {
        down.setLimit(checked(bytesPerSecond));
    }

    private static long checked(long bytesPerSecond) {
        if (bytesPerSecond < 0) {
            throw new IllegalArgumentException("limits must be ≥ 0 (0 = unlimited)");
        }
        return bytesPerSecond;
    }

    /// Replaces the schedule; null removes it.
    public void setSchedule(BandwidthSchedule schedule) {
        up.setSchedule(schedule);
        down.setSchedule(schedule);
    }

    public Optional<BandwidthSchedule> schedule() {
        return Optional.ofNullable(up.schedule()); // both directions always hold the same one
    }

    /// The rates in force now, fixed limits and schedule together (0 = unlimited).
    public BandwidthSchedule.Limits inForce() {
        return new BandwidthSchedule.Limits(up.currentRate(), down.currentRate());
    }
}
