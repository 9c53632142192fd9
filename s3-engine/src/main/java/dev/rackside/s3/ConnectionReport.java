package dev.rackside.s3;

import java.util.List;
import java.util.Optional;

/// The outcome of [S3Engine#testConnection]: one verdict with an operator message, plus the
/// individual checks that led to it.
public record ConnectionReport(Outcome outcome, String message, Optional<String> suggestedRegion, List<Check> checks) {

    /// The verdict, most specific cause first.
    public enum Outcome {
        OK, WRONG_REGION, BAD_KEY, CLOCK_SKEW, TLS, DNS, CONNECTION_REFUSED, TIMEOUT, PERMISSION_DENIED,
        BUCKET_NOT_FOUND, UNSUPPORTED, SERVER_ERROR, OTHER
    }

    /// One step: "list buckets", "bucket exists", "write/read/delete probe".
    public record Check(String name, boolean passed, String detail) {
    }

    public ConnectionReport {
        checks = List.copyOf(checks);
    }

    public boolean ok() {
        return outcome == Outcome.OK;
    }
}
