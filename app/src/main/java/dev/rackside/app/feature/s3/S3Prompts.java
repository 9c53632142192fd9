package dev.rackside.app.feature.s3;

import dev.rackside.s3.ObjectVersion;
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

    /// A bucket to create: its name, and its region (blank for the endpoint's).
    record NewBucket(String name, String region) {
    }

    /// A presigned upload link: the key it may write and how long it stays valid.
    record UploadLink(String key, Duration expiry) {
    }

    /// Before deleting objects and folders (folders with everything under them).
    boolean confirmDelete(List<String> names);

    /// The name and region of a new bucket; `region` is the endpoint's, offered first, and `aws`
    /// whether the endpoint is AWS itself (its regions are then offered as choices).
    Optional<NewBucket> askNewBucket(String region, boolean aws);

    boolean confirmDeleteBucket(String bucket);

    /// The destination of a copy, move or rename of `bucket/key`; `buckets` are the choices.
    Optional<Target> askTarget(TargetKind kind, String bucket, String key, List<String> buckets);

    /// Before a copy, move or rename onto `where` ("bucket/folder/") that already holds `names`
    /// (an object, or a folder with objects in it, whose same-named objects would be replaced).
    boolean confirmReplaceObjects(String where, List<String> names);

    /// Before a download into the local folder `where` that already holds `names`.
    boolean confirmReplaceFiles(String where, List<String> names);

    /// The destination folder of a copy or move of `count` selected items from `prefix` of `bucket`.
    Optional<Target> askFolderTarget(TargetKind kind, String bucket, String prefix, int count, List<String> buckets);

    /// How long a presigned link stays valid (at most 7 days with SigV4).
    Optional<Duration> askLinkExpiry(String key);

    /// The key an upload link may write (starting from `prefix`) and how long it stays valid.
    Optional<UploadLink> askUploadLink(String bucket, String prefix);

    /// Before copying an older version over the current one.
    boolean confirmRestore(String key, ObjectVersion version);

    /// Before enabling (`enable`) or suspending versioning on a bucket.
    boolean confirmVersioning(String bucket, boolean enable);

    /// Before aborting incomplete uploads: their parts are deleted.
    boolean confirmAbort(List<String> keys);
}
