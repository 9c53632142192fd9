package dev.rackside.s3;

import java.time.Duration;
import java.util.Optional;

/// A snapshot of one transfer's progress, or of the whole queue's.
///
/// @param transferredBytes bytes done, including those a resumed transfer had done before
/// @param totalBytes       size, or -1 while not yet known
/// @param bytesPerSecond   recent rate (a few seconds' window), 0 when idle
/// @param eta              remaining time at the recent rate, empty when unknown
/// @param checkedBytes     bytes of the local file read so far to checksum it before anything is
///                         sent or kept (a big upload's SHA-256, an adopted upload's stored parts),
///                         -1 when not checking: a 100 GB file takes minutes, with nothing sent yet
public record TransferProgress(String id, String description, TransferState state, long transferredBytes,
                               long totalBytes, double bytesPerSecond, Optional<Duration> eta, long checkedBytes) {

    public TransferProgress(String id, String description, TransferState state, long transferredBytes,
                            long totalBytes, double bytesPerSecond, Optional<Duration> eta) {
        this(id, description, state, transferredBytes, totalBytes, bytesPerSecond, eta, -1);
    }

    /// Whether the local file is being read to checksum it (see `checkedBytes`).
    public boolean checking() {
        return checkedBytes >= 0;
    }

    /// 0..1, or empty while the size is unknown.
    public Optional<Double> ratio() {
        return totalBytes <= 0 ? Optional.empty() : Optional.of(Math.min(1.0, (double) transferredBytes / totalBytes));
    }
}
