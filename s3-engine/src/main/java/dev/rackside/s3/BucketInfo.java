package dev.rackside.s3;

import java.time.Instant;
import java.util.Optional;

/// A bucket as listed.
public record BucketInfo(String name, Optional<Instant> created) {
}
