package dev.rackside.s3.internal;

import dev.rackside.s3.Encryption;
import dev.rackside.s3.S3EngineException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/// Asks once per bucket, before the first SSE-S3 or SSE-KMS write, whether the server applies it.
/// S3, MinIO and Ceph RGW confirm the mode in their answers; Garage ignores the header, stores
/// plaintext and says nothing. The question is an unfinished upload of one byte on the key about
/// to be written, aborted at once: it never touches what is stored there.
public final class SseProbe {
    private final S3Client s3;
    private final Retrier retrier;
    private final Set<String> confirmed = ConcurrentHashMap.newKeySet();

    public SseProbe(S3Client s3, Retrier retrier) {
        this.s3 = s3;
        this.retrier = retrier;
    }

    /// Returns when `e` needs no asking or the server confirmed it for `bucket`; throws
    /// [S3EngineException.Unsupported] before anything is written otherwise.
    public void require(String bucket, String key, Encryption e) {
        if (!(e instanceof Encryption.SseS3 || e instanceof Encryption.SseKms)) {
            return;
        }
        String asked = bucket + "\n" + e.getClass().getSimpleName();
        if (confirmed.contains(asked)) {
            return;
        }
        String what = "check encryption in " + bucket;
        var created = retrier.call(what, () -> {
            CreateMultipartUploadRequest.Builder b = CreateMultipartUploadRequest.builder().bucket(bucket).key(key);
            Sse.apply(b, e);
            return s3.createMultipartUpload(b.build());
        });
        String answered = created.serverSideEncryptionAsString();
        try {
            // MinIO confirms only in the part's answer, not in CreateMultipartUpload's.
            var part = retrier.call(what, () -> s3.uploadPart(b -> b.bucket(bucket).key(key)
                    .uploadId(created.uploadId()).partNumber(1), RequestBody.fromBytes(new byte[1])));
            if (answered == null || answered.isBlank()) {
                answered = part.serverSideEncryptionAsString();
            }
        } finally {
            try {
                s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(created.uploadId()));
            } catch (RuntimeException ignored) {
                // One byte in an unfinished upload, for the bucket's lifecycle rules or the
                // unfinished-uploads list: not worth failing the transfer for.
            }
        }
        if (answered == null || answered.isBlank()) {
            throw new S3EngineException.Unsupported(Sse.FEATURE, "it did not confirm encrypting a test upload to " + bucket
                    + " (its answers have no x-amz-server-side-encryption), so it would store " + key
                    + " unencrypted; nothing was written. Choose encryption on this computer, or none, for this endpoint", null);
        }
        confirmed.add(asked);
    }
}
