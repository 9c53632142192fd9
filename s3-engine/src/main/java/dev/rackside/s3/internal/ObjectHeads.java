package dev.rackside.s3.internal;

import dev.rackside.s3.ContentHeaders;
import dev.rackside.s3.Encryption;
import dev.rackside.s3.ObjectMetadata;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/// HEADs of objects: plain ones, and ones that also ask for the full-object checksum the server
/// keeps, with what servers that refuse that question need.
final class ObjectHeads {
    private static final System.Logger LOG = System.getLogger(ObjectHeads.class.getName());

    private final S3Client s3;
    private final Retrier retrier;
    // HEADs whose 400 or 501 went away without x-amz-checksum-mode; two stop the engine asking.
    private final AtomicInteger refusals = new AtomicInteger();

    ObjectHeads(S3Client s3, Retrier retrier) {
        this.s3 = s3;
        this.retrier = retrier;
    }

    /// HEAD of the current version, or of `versionId` when not null.
    ObjectMetadata head(String bucket, String key, String versionId, Encryption sse) {
        HeadObjectResponse r = retrier.call("read " + bucket + "/" + key, () -> s3.headObject(b -> {
            b.bucket(bucket).key(key).versionId(versionId);
            Sse.apply(b, sse);
        }));
        return metadata(key, r, null);
    }

    /// What a download needs to know: the object, and the full-object checksum the server keeps (or null).
    record Headed(ObjectMetadata meta, ServerChecksum.Expected checksum) {
    }

    /// HEAD that also asks for the server's full-object checksum. A server that refuses the header
    /// (Backblaze B2 refuses S3's checksum headers, and a HEAD's 400 has no body to say so) is
    /// asked again without it; after the second such refusal this engine stops asking (a single
    /// one may have been some passing 400). A 403 is asked again too but changes nothing: AWS
    /// wants kms:Decrypt for an SSE-KMS object's checksum, which a HEAD alone does not need.
    Headed withChecksum(String bucket, String key, Encryption sse) {
        HeadObjectResponse r = retrier.call("read " + bucket + "/" + key, () -> {
            boolean mode = refusals.get() < 2;
            try {
                return s3.headObject(b -> {
                    b.bucket(bucket).key(key);
                    Sse.apply(b, sse);
                    if (mode) {
                        b.checksumMode(ChecksumMode.ENABLED);
                    }
                });
            } catch (S3Exception e) {
                boolean refusal = e.statusCode() == 400 || e.statusCode() == 501;
                if (!mode || !refusal && e.statusCode() != 403) {
                    throw e;
                }
                HeadObjectResponse plain;
                try {
                    plain = s3.headObject(b -> {
                        b.bucket(bucket).key(key);
                        Sse.apply(b, sse);
                    });
                } catch (RuntimeException again) {
                    again.addSuppressed(e); // the plain HEAD's answer is the object's; the first is kept for the log
                    throw again;
                }
                if (refusal && refusals.incrementAndGet() == 2) { // answered without it, twice
                    LOG.log(System.Logger.Level.INFO, "the server refuses x-amz-checksum-mode on HEAD ({0}): large downloads "
                            + "of objects without Rackside''s SHA-256 or an MD5 ETag are checked by size only", e.statusCode());
                }
                return plain;
            }
        });
        ServerChecksum.Expected checksum = ServerChecksum.of(r.sdkHttpResponse());
        return new Headed(metadata(key, r, checksum), checksum);
    }

    private static ObjectMetadata metadata(String key, HeadObjectResponse r, ServerChecksum.Expected checksum) {
        return new ObjectMetadata(key, r.contentLength() == null ? 0 : r.contentLength(), r.lastModified(), r.eTag(), r.contentType(), r.metadata(),
                Optional.ofNullable(r.versionId()), Optional.ofNullable(r.serverSideEncryptionAsString())
                .or(() -> Optional.ofNullable(r.sseCustomerAlgorithm()).map(a -> "SSE-C " + a)),
                Optional.ofNullable(r.metadata().get(Operations.SHA256_META)), Optional.ofNullable(r.ssekmsKeyId()),
                ContentHeaders.of(r.cacheControl(), r.contentDisposition(), r.contentEncoding(), r.contentLanguage(),
                        r.sdkHttpResponse().firstMatchingHeader("Expires").orElse(null)),
                Optional.ofNullable(checksum).map(ServerChecksum.Expected::algorithm));
    }
}
