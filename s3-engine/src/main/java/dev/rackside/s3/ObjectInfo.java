package dev.rackside.s3;

import java.time.Instant;

/// One object as listed (no metadata: see [ObjectMetadata] for a HEAD).
public record ObjectInfo(String key, long size, Instant lastModified, String etag, String storageClass) {
}
