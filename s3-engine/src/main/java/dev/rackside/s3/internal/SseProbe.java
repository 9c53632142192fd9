package dev.rackside.s3.internal;

import dev.rackside.s3.Encryption;
import dev.rackside.s3.S3EngineException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/// Asks once per bucket and mode, before the first SSE-S3 or SSE-KMS write the operator asked
/// for, whether the server applies it. S3, MinIO and Ceph RGW confirm the mode in their answers;
/// Garage ignores the header, stores plaintext and says nothing. The question is an unfinished
/// upload on the key about to be written, aborted at once: it never touches what is stored there.
public final class SseProbe {
    // Content-MD5 of the probe's one zero byte: Object Lock buckets refuse parts without one.
    private static final String ONE_BYTE_MD5 = Hashes.md5Base64(new byte[1]);

    private final S3Client s3;
    private final Retrier retrier;
    /// Per bucket and mode: null when confirmed, else the refusal. Concurrent first writes share
    /// one question; a question that failed (network, permissions) is asked again next time.
    private final Map<String, CompletableFuture<S3EngineException.Unsupported>> answers = new ConcurrentHashMap<>();

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
        String asked = bucket + "\n" + e; // the mode, and a KMS key id
        CompletableFuture<S3EngineException.Unsupported> mine = new CompletableFuture<>();
        CompletableFuture<S3EngineException.Unsupported> answer = answers.putIfAbsent(asked, mine);
        if (answer == null) {
            answer = mine;
            try {
                mine.complete(ask(bucket, key, e));
            } catch (RuntimeException failed) {
                answers.remove(asked, mine);
                mine.completeExceptionally(failed);
            }
        }
        S3EngineException.Unsupported refused = Futures.join(answer);
        if (refused != null) {
            throw refused;
        }
    }

    private S3EngineException.Unsupported ask(String bucket, String key, Encryption e) {
        String what = "start an upload to " + bucket + "/" + key + " (asking whether the server encrypts it)";
        var created = retrier.call(what, () -> {
            CreateMultipartUploadRequest.Builder b = CreateMultipartUploadRequest.builder().bucket(bucket).key(key);
            Sse.apply(b, e);
            return s3.createMultipartUpload(b.build());
        });
        String answered = created.serverSideEncryptionAsString();
        RuntimeException notAborted = null;
        try {
            if (!confirms(e, answered)) {
                // MinIO confirms only in a part's answer, not in CreateMultipartUpload's.
                answered = retrier.call("upload a part to " + bucket + "/" + key + " (asking whether the server encrypts it)",
                        () -> s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(created.uploadId()).partNumber(1)
                                .contentMD5(ONE_BYTE_MD5), RequestBody.fromBytes(new byte[1]))).serverSideEncryptionAsString();
            }
        } finally {
            try {
                retrier.call("abort the upload to " + bucket + "/" + key, () -> s3.abortMultipartUpload(b -> b
                        .bucket(bucket).key(key).uploadId(created.uploadId())));
            } catch (RuntimeException ex) {
                notAborted = ex; // reported below when the answer is a refusal; else not worth failing for
            }
        }
        if (confirms(e, answered)) {
            return null;
        }
        var refused = new S3EngineException.Unsupported(Sse.FEATURE, "its answers to a test upload to " + bucket
                + " did not confirm " + (e instanceof Encryption.SseKms ? "SSE-KMS" : "SSE-S3") + " (x-amz-server-side-encryption: "
                + (answered == null || answered.isBlank() ? "none" : answered) + "), so it would store objects there "
                + "unencrypted; nothing was written" + (notAborted == null ? "" : ", but the test upload could not be"
                + " aborted (see the unfinished uploads)") + ". Choose encryption on this computer, or none, for this endpoint", null);
        if (notAborted != null) {
            refused.addSuppressed(notAborted);
        }
        return refused;
    }

    private static boolean confirms(Encryption asked, String answered) {
        if (answered == null) {
            return false;
        }
        return asked instanceof Encryption.SseKms ? answered.startsWith("aws:kms") : answered.equals("AES256");
    }
}
