package dev.rackside.app.feature.s3;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/// The questions the S3 browser asks the operator; dialogs in the app, scripted answers in tests.
public interface S3Prompts {

    /// What a copy, move or rename dialog asks for.
    enum TargetKind { COPY, MOVE, RENAME }

    /// Where to copy or move an object.
    record Target(String bucket, String key) {
    }

    /// Before deleting objects and folders (folders with everything under them).
    boolean confirmDelete(List<String> names);

    Optional<String> askBucketName();

    boolean confirmDeleteBucket(String bucket);

    /// The destination of a copy, move or rename of `bucket/key`; `buckets` are the choices.
    Optional<Target> askTarget(TargetKind kind, String bucket, String key, List<String> buckets);

    /// How long a presigned link stays valid (at most 7 days with SigV4).
    Optional<Duration> askLinkExpiry(String key);
}
