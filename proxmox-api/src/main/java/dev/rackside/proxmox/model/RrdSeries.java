package dev.rackside.proxmox.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/// Rows of an rrddata answer, oldest first.
///
/// Columns are kept by name because they differ between PVE 8 and 9 (9 adds `memavailable`,
/// `memhost`, `pressure*`), a column is omitted when its value is unknown, and after an upgrade
/// one answer can mix step sizes: do not assume equal spacing (API-NOTES §5).
public record RrdSeries(List<Sample> samples) {
    public RrdSeries {
        samples = List.copyOf(samples);
    }

    /// @param values column → value; `netin`, `netout`, `diskread`, `diskwrite` are bytes per second
    public record Sample(Instant time, Map<String, Double> values) {
        public Sample {
            values = Map.copyOf(values);
        }

        public OptionalDouble value(String column) {
            Double v = values.get(column);
            return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
        }

        /// Node memory available to processes: PVE 9's `memavailable`, else total minus used (PVE 8).
        public OptionalDouble nodeMemoryAvailable() {
            OptionalDouble direct = value("memavailable");
            if (direct.isPresent()) {
                return direct;
            }
            OptionalDouble total = value("memtotal");
            OptionalDouble used = value("memused");
            return total.isPresent() && used.isPresent() ? OptionalDouble.of(total.getAsDouble() - used.getAsDouble())
                    : OptionalDouble.empty();
        }

        /// Guest memory in use: `mem` on both versions (PVE 9's `memhost` is the host's view, reported separately).
        public OptionalDouble guestMemoryUsed() {
            return value("mem");
        }
    }
}
