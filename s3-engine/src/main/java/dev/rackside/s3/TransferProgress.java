package dev.rackside.s3;

import java.time.Duration;
import java.util.Optional;

/// A snapshot of one transfer's progress, or of the whole queue's.
///
/// @param transferredBytes bytes done, including those a resumed transfer had done before
/// @param totalBytes       size, or -1 while not yet known
/// @param bytesPerSecond   recent rate (a few seconds' window), 0 when idle
/// @param eta              remaining time at the recent rate, empty when unknown
public record TransferProgress(String id, String description, TransferState state, long transferredBytes,
                               long totalBytes, double bytesPerSecond, Optional<Duration> eta) {

    /// 0..1, or empty while the size is unknown.
    public Optional<Double> ratio() {
        return totalBytes <= 0 ? Optional.empty() : Optional.of(Math.min(1.0, (double) transferredBytes / totalBytes));
    }
}
