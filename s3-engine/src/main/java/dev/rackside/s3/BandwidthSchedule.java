package dev.rackside.s3;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/// A weekly timetable of bandwidth limits, like rclone's `--bwlimit` timetable: for example
/// 10 MB/s up and down Monday to Friday 08:00–18:00, unlimited otherwise.
///
/// Every window that covers a moment applies, and per direction the lowest limit wins (a window
/// with 0 in one direction leaves that direction to the others); outside every window the default
/// limits apply. Limits are bytes per second, 0 meaning unlimited. Times are read in the
/// schedule's zone.
public record BandwidthSchedule(ZoneId zone, List<Window> windows, long defaultUpload, long defaultDownload) {

    /// One recurring window: on these days, from `start` (inclusive) to `end` (exclusive).
    /// A window whose end is before its start runs over midnight into the next day; one whose end
    /// is its start lasts the whole day.
    public record Window(Set<DayOfWeek> days, LocalTime start, LocalTime end, long upload, long download) {
        public Window {
            days = Set.copyOf(days);
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            if (upload < 0 || download < 0) {
                throw new IllegalArgumentException("limits must be ≥ 0 (0 = unlimited)");
            }
        }

        boolean covers(ZonedDateTime t) {
            LocalTime time = t.toLocalTime();
            if (start.equals(end)) {
                return days.contains(t.getDayOfWeek());
            }
            if (start.isBefore(end)) {
                return days.contains(t.getDayOfWeek()) && !time.isBefore(start) && time.isBefore(end);
            }
            // Over midnight: the evening belongs to the listed day, the small hours to the day after.
            return (days.contains(t.getDayOfWeek()) && !time.isBefore(start))
                    || (days.contains(t.getDayOfWeek().minus(1)) && time.isBefore(end));
        }
    }

    /// The limits that apply at one moment.
    public record Limits(long upload, long download) {
    }

    public BandwidthSchedule {
        Objects.requireNonNull(zone, "zone");
        windows = List.copyOf(windows);
    }

    /// The limits in force at `instant`.
    public Limits at(java.time.Instant instant) {
        ZonedDateTime t = instant.atZone(zone);
        long up = 0;
        long down = 0;
        boolean covered = false;
        for (Window w : windows) {
            if (w.covers(t)) {
                covered = true;
                up = lower(up, w.upload());
                down = lower(down, w.download());
            }
        }
        return covered ? new Limits(up, down) : new Limits(defaultUpload, defaultDownload);
    }

    // The lower of two limits where 0 means unlimited.
    private static long lower(long a, long b) {
        return a == 0 ? b : b == 0 ? a : Math.min(a, b);
    }

    public static Builder builder(ZoneId zone) {
        return new Builder(zone);
    }

    /// Collects windows; defaults are unlimited.
    public static final class Builder {
        private final ZoneId zone;
        private final List<Window> windows = new ArrayList<>();
        private long defaultUpload;
        private long defaultDownload;

        private Builder(ZoneId zone) {
            this.zone = zone;
        }

        public Builder window(Set<DayOfWeek> days, LocalTime start, LocalTime end, long upload, long download) {
            windows.add(new Window(days, start, end, upload, download));
            return this;
        }

        /// Monday to Friday.
        public Builder weekdays(LocalTime start, LocalTime end, long upload, long download) {
            return window(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), start, end, upload, download);
        }

        public Builder otherwise(long upload, long download) {
            this.defaultUpload = upload;
            this.defaultDownload = download;
            return this;
        }

        public BandwidthSchedule build() {
            return new BandwidthSchedule(zone, windows, defaultUpload, defaultDownload);
        }
    }
}
