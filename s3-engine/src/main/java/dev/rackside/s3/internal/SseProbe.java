package dev.rackside.s3.internal;

import dev.rackside.s3.Encryption;
import dev.rackside.s3.S3EngineException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/// Asks once per bucket and mode, before the first SSE-S3 or SSE-KMS write the operator asked
/// for, whether the server applies it. S3, MinIO and Ceph RGW confirm the mode in their answers;
/// Garage ignores the header, stores plaintext and says nothing. The question is an unfinished
/// upload on the key about to be written, aborted at once: it never touches what is stored there.
public final class SseProbe {
    private static final System.Logger LOG = System.getLogger(SseProbe.class.getName());
    // Content-MD5 of the probe's one zero byte: Object Lock buckets refuse parts without one.
    private static final String ONE_BYTE_MD5 = Hashes.md5Base64(new byte[1]);

    /// What the server answered: its `x-amz-server-side-encryption` (null for none), and whether
    /// the question's upload was left unaborted.
    private record Answer(String answered, boolean notAborted, String notImplemented) {
    }

    private final S3Client s3;
    private final Retrier retrier;
    /// Per bucket and mode. Concurrent first writes wait for one question; a question that
    /// failed (network, permissions on one key, a cancelled asker) is asked again by the next.
    private final Map<String, CompletableFuture<Answer>> answers = new ConcurrentHashMap<>();

    public SseProbe(S3Client s3, Retrier retrier) {
        this.s3 = s3;
        this.retrier = retrier;
    }

    public void require(String bucket, String key, Encryption e) {
        require(bucket, key, e, () -> false);
    }

    /// Returns when `e` needs no asking or the server confirmed it for `bucket`; throws
    /// [S3EngineException.Unsupported] before anything is written otherwise, and
    /// [S3EngineException.Cancelled] once `stop` says so.
    public void require(String bucket, String key, Encryption e, BooleanSupplier stop) {
        if (!(e instanceof Encryption.SseS3 || e instanceof Encryption.SseKms)) {
            return;
        }
        String asked = bucket + "\n" + e; // the mode, and a KMS key id
        Answer answer = null;
        while (answer == null) {
            CompletableFuture<Answer> mine = new CompletableFuture<>();
            CompletableFuture<Answer> theirs = answers.putIfAbsent(asked, mine);
            if (theirs == null) {
                try {
                    answer = ask(bucket, key, e, stop);
                    mine.complete(answer);
                } catch (Throwable failed) {
                    answers.remove(asked, mine);
                    mine.completeExceptionally(failed); // its waiters ask for themselves
                    throw failed;
                }
            } else {
                answer = await(theirs, bucket, stop);
            }
        }
        if (!confirms(e, answer.answered())) {
            throw refusal(bucket, key, e, answer);
        }
    }

    /// Another writer's answer, or null when its question failed.
    private static Answer await(CompletableFuture<Answer> theirs, String bucket, BooleanSupplier stop) {
        while (true) {
            if (stop.getAsBoolean()) {
                throw new S3EngineException.Cancelled("Waiting for the answer about encryption in " + bucket);
            }
            try {
                return theirs.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillAsking) {
                // look at `stop` again
            } catch (ExecutionException failed) {
                return null;
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new S3EngineException.Cancelled("Waiting for the answer about encryption in " + bucket);
            }
        }
    }

    private Answer ask(String bucket, String key, Encryption e, BooleanSupplier stop) {
        String what = "start an upload to " + bucket + "/" + key + " (asking whether the server encrypts it)";
        software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse created;
        try {
            created = retrier.call(what, () -> {
                CreateMultipartUploadRequest.Builder b = CreateMultipartUploadRequest.builder().bucket(bucket).key(key);
                Sse.apply(b, e);
                return s3.createMultipartUpload(b.build());
            }, stop);
        } catch (S3EngineException.Unsupported refused) {
            // Cloudflare R2 answers 501 "Header 'x-amz-server-side-encryption' … not implemented".
            // Another 501 (a proxy, no multipart uploads) is no answer about encryption: not kept.
            String said = refused.getCause() instanceof software.amazon.awssdk.awscore.exception.AwsServiceException a
                    ? ErrorDetails.message(a) : null;
            if (said == null || !said.toLowerCase(Locale.ROOT).contains("encryption")) {
                throw refused;
            }
            return new Answer(null, false, said);
        }
        String answered = created.serverSideEncryptionAsString();
        boolean notAborted = false;
        try {
            if (!confirms(e, answered)) {
                // MinIO confirms only in a part's answer, not in CreateMultipartUpload's.
                answered = retrier.call("upload a part to " + bucket + "/" + key + " (asking whether the server encrypts it)",
                        () -> s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(created.uploadId()).partNumber(1)
                                .contentMD5(ONE_BYTE_MD5), RequestBody.fromBytes(new byte[1])), stop).serverSideEncryptionAsString();
            }
        } finally {
            try {
                retrier.call("abort the upload to " + bucket + "/" + key, () -> s3.abortMultipartUpload(b -> b
                        .bucket(bucket).key(key).uploadId(created.uploadId())));
            } catch (RuntimeException ex) {
                notAborted = true;
                LOG.log(System.Logger.Level.WARNING, "The one-byte upload asking about encryption in " + bucket
                        + " could not be aborted; it stays among the bucket's unfinished uploads: " + ex.getMessage());
            }
        }
        return new Answer(answered == null || answered.isBlank() ? null : answered.strip(), notAborted, null);
    }

    private static boolean confirms(Encryption asked, String answered) {
        if (answered == null) {
            return false;
        }
        String a = answered.toLowerCase(Locale.ROOT);
        return asked instanceof Encryption.SseKms ? a.startsWith("aws:kms") : a.equals("aes256");
    }

    /// A fresh exception for each refused write: the cached answer, this write's key.
    private static S3EngineException.Unsupported refusal(String bucket, String key, Encryption e, Answer answer) {
        String mode = e instanceof Encryption.SseKms ? "SSE-KMS" : "SSE-S3";
        String said;
        String atRest;
        if (answer.notImplemented() != null) {
            said = "does not implement " + mode + " (" + answer.notImplemented() + ")";
            atRest = " (Cloudflare R2, which answers so, encrypts everything at rest anyway)";
        } else if (answer.answered() == null) {
            said = "did not confirm " + mode + " (no x-amz-server-side-encryption), so it may store objects there unencrypted";
            atRest = " (Wasabi encrypts everything at rest anyway; Garage stores what it is sent)";
        } else {
            said = "applies " + answer.answered() + " instead of " + mode;
            atRest = "";
        }
        return new S3EngineException.Unsupported("server-side encryption (SSE-S3/SSE-KMS)", "asked with a test upload to " + bucket + ", it " + said
                + ". Nothing was written to " + key + (answer.notAborted() ? "; an earlier test upload could not be aborted"
                + " and is among the bucket's unfinished uploads" : "") + ". Choose encryption on this computer, or none,"
                + " for this endpoint" + atRest + ".", null);
    }
}
