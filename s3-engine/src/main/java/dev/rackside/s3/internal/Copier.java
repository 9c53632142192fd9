package dev.rackside.s3.internal;

import dev.rackside.s3.ContentHeaders;
import dev.rackside.s3.Encryption;
import dev.rackside.s3.ObjectMetadata;
import dev.rackside.s3.S3EngineException;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.UploadPartCopyRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/// Server-side copies: the data never passes through this machine. Objects above the copy
/// threshold (S3 refuses CopyObject above 5 GiB) are copied part by part with UploadPartCopy.
public final class Copier {
    /// User metadata naming the version a restore copied back.
    public static final String RESTORED_FROM = "rackside-restored-from";
    private final S3Client s3;
    private final Retrier retrier;
    private final Operations ops;
    private final long threshold;
    private final long partSize;
    private final int concurrency;

    public Copier(S3Client s3, Retrier retrier, Operations ops, long threshold, long partSize, int concurrency) {
        this.s3 = s3;
        this.retrier = retrier;
        this.ops = ops;
        this.threshold = threshold;
        this.partSize = partSize;
        this.concurrency = concurrency;
    }

    /// Copies `srcKey` (optionally a given version) to `dstKey`, keeping metadata. Every copy
    /// request names the ETag the HEAD saw: an object rewritten meanwhile would otherwise get the
    /// old one's metadata (its SHA-256 among them) or, in a multipart copy, parts of both.
    public void copy(String srcBucket, String srcKey, String versionId, String dstBucket, String dstKey,
                     Encryption source, Encryption target) {
        ObjectMetadata meta = ops.head(srcBucket, srcKey, versionId, source);
        // A copy that names no encryption keeps the source's SSE-S3 or SSE-KMS (with its key).
        Encryption effective = target instanceof Encryption.None ? meta.keptEncryption() : target;
        // Kept SSE was reported by the server itself; only a mode asked for anew needs confirming.
        ops.sseProbe().require(dstBucket, dstKey, target);
        if (meta.size() > threshold) {
            pinned(srcBucket, srcKey, () -> multipart(srcBucket, srcKey, versionId, dstBucket, dstKey, meta, source, effective));
            return;
        }
        String what = "copy " + srcBucket + "/" + srcKey + " to " + dstBucket + "/" + dstKey;
        pinned(srcBucket, srcKey, () -> retrier.call(what, () -> {
            CopyObjectRequest.Builder b = CopyObjectRequest.builder().sourceBucket(srcBucket).sourceKey(srcKey)
                    .sourceVersionId(versionId).destinationBucket(dstBucket).destinationKey(dstKey)
                    .copySourceIfMatch(meta.etag());
            if (srcBucket.equals(dstBucket) && srcKey.equals(dstKey)) {
                // Restoring a version onto its own key: AWS allows a plain copy there, but stricter servers
                // (S3Mock) refuse any copy onto itself that leaves the metadata unchanged. Noting which
                // version was restored changes it, is accepted everywhere, and tells the operator later.
                Map<String, String> restated = new java.util.HashMap<>(meta.userMetadata());
                if (versionId != null) {
                    restated.put(RESTORED_FROM, versionId);
                }
                b.metadataDirective(MetadataDirective.REPLACE).contentType(meta.contentType()).metadata(restated);
                b.overrideConfiguration(resent(meta.headers()));
            }
            Sse.apply(b, source, effective);
            return s3.copyObject(b.build());
        }));
    }

    /// Runs a copy pinned to the source's ETag: a refusal (412) means the source changed since
    /// its HEAD, which is said as such rather than as a refused request.
    private static void pinned(String bucket, String key, Runnable copy) {
        try {
            copy.run();
        } catch (S3EngineException.Rejected e) {
            if (!"PreconditionFailed".equals(e.code())) {
                throw e;
            }
            throw new S3EngineException.SourceChanged("The object " + bucket + "/" + key);
        }
    }

    /// Replaces content type and user metadata by copying the object onto itself; above the copy
    /// threshold as a multipart copy, since a single CopyObject stops at 5 GiB.
    public void replaceMetadata(String bucket, String key, String contentType, Map<String, String> meta, Encryption sse) {
        ObjectMetadata current = ops.head(bucket, key, null, sse);
        Encryption kept = sse instanceof Encryption.None ? current.keptEncryption() : sse;
        ops.sseProbe().require(bucket, key, sse);
        if (current.size() > threshold) {
            pinned(bucket, key, () -> multipart(bucket, key, null, bucket, key, current.withMetadata(contentType, meta), sse, kept));
            return;
        }
        try {
            replaceInPlace(bucket, key, contentType, meta, sse, kept, current);
        } catch (S3EngineException.SourceChanged e) {
            // A retry after a lost answer finds the copy done and the ETag changed by it: done.
            if (!applied(ops.head(bucket, key, null, sse), current, contentType, meta)) {
                throw e;
            }
        }
    }

    /// Whether `now` carries the content type and metadata a change of `before` asked for. S3
    /// lower-cases metadata names, and AWS and MinIO hand back non-ASCII values RFC 2047-encoded
    /// ("=?UTF-8?B?…?="), which the SDK does not decode: they are decoded here before comparing.
    static boolean applied(ObjectMetadata now, ObjectMetadata before, String contentType, Map<String, String> meta) {
        if (contentType == null || contentType.isBlank() || !contentType.equals(now.contentType())
                || now.size() != before.size()) {
            return false; // a content type left to the server, or other content: cannot be told apart
        }
        Map<String, String> stored = now.userMetadata();
        if (stored.size() != meta.size()) {
            return false;
        }
        for (var m : meta.entrySet()) {
            String got = stored.get(m.getKey().toLowerCase(java.util.Locale.ROOT));
            if (got == null || !m.getValue().equals(got) && !m.getValue().equals(decoded(got))) {
                return false;
            }
        }
        return true;
    }

    private static final java.util.regex.Pattern ENCODED_WORD =
            java.util.regex.Pattern.compile("=\\?([^?\\s]+)\\?([BbQq])\\?([^?\\s]*)\\?=");

    /// `value` with its RFC 2047 encoded-words decoded (whitespace between two of them dropped),
    /// or null when one cannot be decoded.
    static String decoded(String value) {
        var m = ENCODED_WORD.matcher(value);
        StringBuilder out = new StringBuilder();
        int at = 0;
        boolean afterWord = false;
        while (m.find()) {
            String between = value.substring(at, m.start());
            if (!(afterWord && between.isBlank())) {
                out.append(between);
            }
            try {
                java.nio.charset.Charset charset = java.nio.charset.Charset.forName(m.group(1));
                byte[] bytes = m.group(2).equalsIgnoreCase("B") ? java.util.Base64.getDecoder().decode(m.group(3))
                        : qDecoded(m.group(3));
                out.append(new String(bytes, charset));
            } catch (IllegalArgumentException e) {
                return null; // an unknown charset, or broken base64 or hex
            }
            at = m.end();
            afterWord = true;
        }
        return out.append(value.substring(at)).toString();
    }

    private static byte[] qDecoded(String text) {
        var bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '=' && i + 2 < text.length()) {
                bytes.write(java.util.HexFormat.fromHexDigits(text, i + 1, i + 3));
                i += 2;
            } else {
                bytes.write(c == '_' ? ' ' : c);
            }
        }
        return bytes.toByteArray();
    }

    private void replaceInPlace(String bucket, String key, String contentType, Map<String, String> meta, Encryption sse,
                                Encryption kept, ObjectMetadata current) {
        pinned(bucket, key, () -> retrier.call("change metadata of " + bucket + "/" + key, () -> {
            CopyObjectRequest.Builder b = CopyObjectRequest.builder().sourceBucket(bucket).sourceKey(key)
                    .destinationBucket(bucket).destinationKey(key).metadataDirective(MetadataDirective.REPLACE)
                    .contentType(contentType).metadata(meta).copySourceIfMatch(current.etag());
            b.overrideConfiguration(resent(current.headers()));
            Sse.apply(b, sse, kept);
            return s3.copyObject(b.build());
        }));
    }

    /// What REPLACE (and a multipart copy) would drop: S3 keeps none of these headers unless they
    /// are sent again. Sent as the headers themselves, so one way serves every request builder.
    private static AwsRequestOverrideConfiguration resent(ContentHeaders h) {
        AwsRequestOverrideConfiguration.Builder o = AwsRequestOverrideConfiguration.builder();
        h.forEach(o::putHeader);
        return o.build();
    }

    private void multipart(String srcBucket, String srcKey, String versionId, String dstBucket, String dstKey,
                           ObjectMetadata meta, Encryption source, Encryption target) {
        String what = "copy " + srcBucket + "/" + srcKey + " to " + dstBucket + "/" + dstKey;
        String uploadId = retrier.call(what, () -> {
            CreateMultipartUploadRequest.Builder b = CreateMultipartUploadRequest.builder().bucket(dstBucket).key(dstKey)
                    .contentType(meta.contentType()).metadata(meta.userMetadata());
            b.overrideConfiguration(resent(meta.headers()));
            Sse.apply(b, target);
            return s3.createMultipartUpload(b.build());
        }).uploadId();
        int parts = (int) ((meta.size() + partSize - 1) / partSize);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var gate = new java.util.concurrent.Semaphore(concurrency);
            List<Future<CompletedPart>> futures = new ArrayList<>();
            for (int i = 0; i < parts; i++) {
                int number = i + 1;
                long first = i * partSize;
                long last = Math.min(meta.size(), first + partSize) - 1;
                futures.add(pool.submit(() -> {
                    gate.acquire();
                    try {
                        var r = retrier.call(what + " (part " + number + ")", () -> {
                            UploadPartCopyRequest.Builder b = UploadPartCopyRequest.builder().sourceBucket(srcBucket)
                                    .sourceKey(srcKey).sourceVersionId(versionId).destinationBucket(dstBucket)
                                    .destinationKey(dstKey).uploadId(uploadId).partNumber(number)
                                    .copySourceRange("bytes=" + first + "-" + last).copySourceIfMatch(meta.etag());
                            Sse.apply(b, source, target);
                            return s3.uploadPartCopy(b.build());
                        });
                        return CompletedPart.builder().partNumber(number).eTag(r.copyPartResult().eTag()).build();
                    } finally {
                        gate.release();
                    }
                }));
            }
            List<CompletedPart> done = new ArrayList<>();
            for (Future<CompletedPart> f : futures) {
                done.add(Futures.join(f));
            }
            retrier.call(what, () -> s3.completeMultipartUpload(b -> {
                b.bucket(dstBucket).key(dstKey).uploadId(uploadId).multipartUpload(m -> m.parts(done));
                Sse.apply(b, target);
            }));
        } catch (RuntimeException e) {
            try {
                ops.abortUpload(dstBucket, dstKey, uploadId);
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }
}
