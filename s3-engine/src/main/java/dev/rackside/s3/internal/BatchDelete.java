package dev.rackside.s3.internal;

import dev.rackside.s3.DeleteResult;
import dev.rackside.s3.S3EngineException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/// Deletes many keys: DeleteObjects, 1,000 keys a call, or one DeleteObject per key where the
/// server refuses DeleteObjects' checksum header.
final class BatchDelete {
    private final S3Client s3;
    private final Retrier retrier;
    // Set once the server refused DeleteObjects for its checksum header (see delete).
    private volatile boolean batchDeleteRefused;

    BatchDelete(S3Client s3, Retrier retrier) {
        this.s3 = s3;
        this.retrier = retrier;
    }

    public DeleteResult delete(String bucket, Collection<String> keys) {
        Map<String, String> failed = new java.util.concurrent.ConcurrentHashMap<>();
        List<String> deleted = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> all = List.copyOf(keys);
        for (int from = 0; from < all.size(); from += Operations.DELETE_BATCH) {
            List<String> keysOfBatch = all.subList(from, Math.min(all.size(), from + Operations.DELETE_BATCH));
            List<ObjectIdentifier> batch = keysOfBatch.stream().map(k -> ObjectIdentifier.builder().key(k).build()).toList();
            var r = batchDeleteRefused ? null : retrier.call("delete " + batch.size() + " objects from " + bucket, () -> {
                try {
                    return s3.deleteObjects(b -> b.bucket(bucket).delete(Delete.builder().objects(batch).quiet(false).build()));
                } catch (software.amazon.awssdk.awscore.exception.AwsServiceException e) {
                    if (!ChecksumSupport.isRefusal(e)) {
                        throw e;
                    }
                    // The SDK sends DeleteObjects with a CRC32 header besides Content-MD5, and servers
                    // that refuse checksum headers (B2) refuse it: delete one object at a time there.
                    batchDeleteRefused = true;
                    return null;
                }
            });
            if (r == null) {
                deleteEach(bucket, keysOfBatch, deleted, failed);
                continue;
            }
            r.deleted().forEach(d -> deleted.add(d.key()));
            // Garage lists a key that was already gone as NoSuchKey; S3 counts it as deleted.
            r.errors().forEach(e -> {
                if ("NoSuchKey".equals(e.code())) {
                    deleted.add(e.key());
                } else {
                    failed.put(e.key(), e.code() + (e.message() == null ? "" : ": " + e.message()));
                }
            });
        }
        return new DeleteResult(List.copyOf(deleted), Map.copyOf(failed));
    }

    /// DeleteObject per key, a few at a time (DeleteObject needs no checksum header).
    private void deleteEach(String bucket, List<String> keys, List<String> deleted, Map<String, String> failed) {
        var gate = new java.util.concurrent.Semaphore(8);
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (String key : keys) {
                pool.submit(() -> {
                    gate.acquireUninterruptibly();
                    try {
                        retrier.call("delete " + bucket + "/" + key, () -> s3.deleteObject(b -> b.bucket(bucket).key(key)));
                        deleted.add(key);
                    } catch (S3EngineException e) {
                        failed.put(key, e.getMessage());
                    } finally {
                        gate.release();
                    }
                });
            }
        }
    }
}
