package dev.rackside.s3;

import dev.rackside.s3.internal.Clients;
import dev.rackside.s3.internal.Copier;
import dev.rackside.s3.internal.Diagnoser;
import dev.rackside.s3.internal.Futures;
import dev.rackside.s3.internal.Journal;
import dev.rackside.s3.internal.Operations;
import dev.rackside.s3.internal.Retrier;
import dev.rackside.s3.internal.TransferEngine;
import dev.rackside.s3.internal.UnfinishedUploads;

import java.net.URL;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/// The S3 engine: one per endpoint, thread-safe, closed when the endpoint is disconnected.
///
/// Every method blocks (call it on a background or virtual thread), retries transient failures
/// with backoff, and throws [S3EngineException] with an operator-readable message. Transfers
/// run in the engine's [TransferQueue].
public final class S3Engine implements AutoCloseable {
    private final S3Endpoint endpoint;
    private final EngineOptions options;
    private final Clients clients;
    private final Retrier retrier;
    private final Operations ops;
    private final Copier copier;
    private final TransferQueue transfers;

    private S3Engine(S3Endpoint endpoint, EngineOptions options) {
        this.endpoint = endpoint;
        this.options = options;
        // The journal opens beside the clients' construction (TLS trust store, SDK configuration):
        // about 0.1 s each of every command-line start, and neither needs the other.
        var opening = Journal.openInBackground(options.journal());
        Clients built = null;
        Journal journal;
        try {
            built = new Clients(endpoint, options);
            built.awaitHttpClient();
            journal = Futures.join(opening);
        } catch (RuntimeException | Error e) {
            if (built != null) {
                built.close();
            }
            closeQuietly(opening);
            throw e;
        }
        this.clients = built;
        this.retrier = new Retrier(options, endpoint.region());
        this.ops = new Operations(clients.s3(), retrier, endpoint.region());
        this.copier = new Copier(clients.s3(), retrier, ops, options.copyPartThreshold(), options.copyPartSize(),
                options.concurrency());
        BandwidthLimits limits = options.sharedLimits().orElseGet(() -> new BandwidthLimits(options.uploadLimit(),
                options.downloadLimit(), options.schedule().orElse(null), options.clock()));
        this.transfers = new TransferQueue(new TransferEngine(clients.s3(), clients.lean(), retrier, ops, journal, options,
                limits.up, limits.down), limits);
    }

    /// Closes the journal once it has opened, even if this thread was interrupted meanwhile.
    private static void closeQuietly(java.util.concurrent.Future<Journal> opening) {
        try {
            Futures.joinUninterruptibly(opening).close();
        } catch (RuntimeException | Error ignored) {
            // it failed to open as well; the first failure is the one to report
        }
    }

    /// Connects lazily: nothing is sent until the first call (use [#testConnection] to check).
    public static S3Engine open(S3Endpoint endpoint, EngineOptions options) {
        return new S3Engine(Objects.requireNonNull(endpoint, "endpoint"), Objects.requireNonNull(options, "options"));
    }

    public S3Endpoint endpoint() {
        return endpoint;
    }

    public EngineOptions options() {
        return options;
    }

    /// The queue that uploads and downloads files and folders.
    public TransferQueue transfers() {
        return transfers;
    }

    /// Lists buckets, and with a bucket, checks it exists and writes, reads and deletes a probe.
    /// Never throws for a server problem: the report names it.
    public ConnectionReport testConnection(Optional<String> bucket) {
        return new Diagnoser(clients.s3(), endpoint.region()).run(bucket);
    }

    public List<BucketInfo> listBuckets() {
        return ops.listBuckets();
    }

    /// Whether requests go to AWS itself (no endpoint override, or an AWS one), where a bucket
    /// lives in one region and is reached through that region's endpoint.
    public boolean onAws() {
        return clients.aws();
    }

    /// Creates a bucket in the endpoint's region.
    public void createBucket(String bucket) {
        ops.createBucket(bucket);
    }

    /// Creates a bucket in `region` (blank: the endpoint's). AWS wants the request in that region, so
    /// it goes through a client of its own there; other servers get it at their one endpoint with the
    /// region as location constraint, which they check against their own names (a Ceph zone group).
    public void createBucket(String bucket, String region) {
        ops.createBucket(bucket, region == null || region.isBlank() ? endpoint.region() : region.strip(), clients);
    }

    /// Deletes an empty bucket; [S3EngineException.BucketNotEmpty] otherwise.
    public void deleteBucket(String bucket) {
        ops.deleteBucket(bucket);
    }

    public boolean bucketExists(String bucket) {
        return ops.bucketExists(bucket);
    }

    /// Lists one "folder" level (delimiter `/`) or everything under `prefix`, page by page. Pages
    /// are fetched lazily while iterating; each iteration starts a fresh listing.
    public Iterable<ObjectPage> list(String bucket, String prefix, boolean folders, int pageSize) {
        return () -> ops.pages(bucket, prefix, folders, pageSize);
    }

    /// Every object under `prefix`, recursively, as a lazy stream (1,000 keys fetched at a time).
    public Stream<ObjectInfo> objects(String bucket, String prefix) {
        return pages(list(bucket, prefix, false, 1000)).flatMap(p -> p.objects().stream());
    }

    /// HEAD of an object, with the full-object checksum the server keeps, if any.
    public ObjectMetadata head(String bucket, String key) {
        return ops.headChecked(bucket, key, Encryption.none());
    }

    public ObjectMetadata head(String bucket, String key, Encryption sse) {
        return ops.headChecked(bucket, key, sse);
    }

    /// Uploads a small object from memory in one request (checksummed with Content-MD5).
    public void putBytes(String bucket, String key, byte[] data, String contentType, Encryption sse) {
        ops.putBytes(bucket, key, data, contentType, Map.of(), sse);
    }

    /// Replaces an object's content type and user metadata (a server-side copy onto itself).
    public void updateMetadata(String bucket, String key, String contentType, Map<String, String> userMetadata) {
        copier.replaceMetadata(bucket, key, contentType, userMetadata, Encryption.none());
    }

    /// An object's tags; [S3EngineException.Unsupported] on servers without tagging (S3Proxy).
    public Map<String, String> tags(String bucket, String key) {
        return ops.tags(bucket, key);
    }

    public void setTags(String bucket, String key, Map<String, String> tags) {
        ops.setTags(bucket, key, tags);
    }

    /// Deletes many objects, 1,000 per request; refusals are reported per key, not thrown.
    public DeleteResult delete(String bucket, Collection<String> keys) {
        return ops.delete(bucket, keys);
    }

    /// Deletes everything under `prefix`, streaming the listing: one batch of keys in memory at a time.
    public DeleteResult deletePrefix(String bucket, String prefix) {
        return new Folders(this, ops).delete(bucket, prefix);
    }

    /// Server-side copy of every object under `srcPrefix` to `dstPrefix` (each key keeps its path
    /// below the prefix), streaming the listing. `copied` hears each source key once it is copied.
    ///
    /// @return how many objects were copied
    /// @throws S3EngineException.InvalidTarget when the target lies inside the source folder
    public long copyFolder(String srcBucket, String srcPrefix, String dstBucket, String dstPrefix,
                           java.util.function.Consumer<String> copied) {
        return new Folders(this, ops).copy(srcBucket, srcPrefix, dstBucket, dstPrefix, false, copied);
    }

    /// As [#copyFolder], deleting each source batch once its copies exist: a failure part-way leaves
    /// every object either at its source or at its target, never nowhere.
    public long moveFolder(String srcBucket, String srcPrefix, String dstBucket, String dstPrefix,
                           java.util.function.Consumer<String> moved) {
        return new Folders(this, ops).copy(srcBucket, srcPrefix, dstBucket, dstPrefix, true, moved);
    }

    /// Server-side copy (multipart above the copy threshold, so objects up to 5 TiB).
    public void copy(String srcBucket, String srcKey, String dstBucket, String dstKey) {
        copier.copy(srcBucket, srcKey, null, dstBucket, dstKey, Encryption.none(), Encryption.none());
    }

    public void copy(String srcBucket, String srcKey, String dstBucket, String dstKey, Encryption source, Encryption target) {
        copier.copy(srcBucket, srcKey, null, dstBucket, dstKey, source, target);
    }

    /// Copy, then delete the source: S3 has no rename.
    public void move(String srcBucket, String srcKey, String dstBucket, String dstKey) {
        copier.copy(srcBucket, srcKey, null, dstBucket, dstKey, Encryption.none(), Encryption.none());
        DeleteResult r = ops.delete(srcBucket, List.of(srcKey));
        if (!r.failed().isEmpty()) {
            throw new S3EngineException.Rejected("delete " + srcBucket + "/" + srcKey + " after copying it", 0, null,
                    r.failed().get(srcKey), null);
        }
    }

    /// Renames within a bucket (copy + delete).
    public void rename(String bucket, String key, String newKey) {
        move(bucket, key, bucket, newKey);
    }

    /// A URL anyone can GET until it expires (at most 7 days with SigV4).
    public URL presignGet(String bucket, String key, Duration expiry) {
        return clients.presignGet(bucket, key, expiry);
    }

    /// A URL anyone can PUT one object to until it expires.
    public URL presignPut(String bucket, String key, Duration expiry) {
        return clients.presignPut(bucket, key, expiry, Encryption.none()).url();
    }

    /// A link anyone can PUT one object to until it expires, asking the server for `encryption`.
    /// SSE-C is refused: its key would travel inside the link's instructions.
    public PresignedUpload presignPut(String bucket, String key, Duration expiry, Encryption encryption) {
        if (encryption instanceof Encryption.SseC) {
            throw new IllegalArgumentException("An upload link cannot carry an SSE-C key");
        }
        return clients.presignPut(bucket, key, expiry, encryption);
    }

    public void setVersioning(String bucket, boolean enabled) {
        ops.setVersioning(bucket, enabled);
    }

    public boolean versioningEnabled(String bucket) {
        return ops.versioningEnabled(bucket);
    }

    /// Versions and delete markers under `prefix`, lazily.
    public Stream<ObjectVersion> versions(String bucket, String prefix) {
        Iterable<List<ObjectVersion>> it = () -> ops.versionPages(bucket, prefix);
        return pages(it).flatMap(List::stream);
    }

    /// Makes an older version the current one again, by copying it over the key.
    public void restoreVersion(String bucket, String key, String versionId) {
        copier.copy(bucket, key, versionId, bucket, key, Encryption.none(), Encryption.none());
    }

    public List<IncompleteUpload> incompleteUploads(String bucket, String prefix) {
        return new UnfinishedUploads(clients.s3(), retrier).list(bucket, prefix);
    }

    /// Aborts an unfinished multipart upload, freeing its stored parts.
    public void abortUpload(String bucket, String key, String uploadId) {
        ops.abortUpload(bucket, key, uploadId);
    }

    @Override
    public void close() {
        transfers.close();
        clients.close();
    }

    private static <T> Stream<T> pages(Iterable<T> it) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it.iterator(), Spliterator.ORDERED), false);
    }
}
