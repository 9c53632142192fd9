package dev.rackside.s3;

import java.time.Instant;

/// A multipart upload that was started but neither completed nor aborted. Its parts are stored
/// (and billed) until it is aborted.
public record IncompleteUpload(String key, String uploadId, Instant initiated) {
}
