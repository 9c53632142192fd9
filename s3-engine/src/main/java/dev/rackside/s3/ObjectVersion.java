package dev.rackside.s3;

import java.time.Instant;

/// One version of an object in a versioned bucket, or a delete marker.
public record ObjectVersion(String key, String versionId, long size, Instant lastModified, boolean latest,
                            boolean deleteMarker) {
}
