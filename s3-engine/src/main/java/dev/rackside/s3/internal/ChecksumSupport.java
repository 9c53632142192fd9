package dev.rackside.s3.internal;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

import java.util.Locale;
import java.util.function.Supplier;

/// Whether a server takes S3's checksum headers (`x-amz-checksum-*`). Backblaze B2 refuses them
/// ("400 InvalidArgument: Unsupported header 'x-amz-checksum-algorithm' received for this API
/// call"), and other S3-compatible servers answer "not implemented". After the first such refusal
/// an engine sends multipart uploads without them: each part then carries Content-MD5, which every
/// S3 server verifies, and the full-object SHA-256 in the metadata still verifies the object.
final class ChecksumSupport {
    private volatile boolean refused;

    /// Whether `e` is a server refusing a checksum header (not a checksum that did not match).
    static boolean isRefusal(Throwable e) {
        if (!(e instanceof AwsServiceException s) || s.statusCode() != 400 && s.statusCode() != 501) {
            return false;
        }
        String code = s.awsErrorDetails() == null ? null : s.awsErrorDetails().errorCode();
        String m = String.valueOf(s.awsErrorDetails() == null ? s.getMessage() : s.awsErrorDetails().errorMessage())
                .toLowerCase(Locale.ROOT);
        return (m.contains("x-amz-checksum") || m.contains("x-amz-sdk-checksum")) && (m.contains("unsupported") || m.contains("not supported")
                || m.contains("not implemented") || "NotImplemented".equals(code));
    }

    boolean accepted() {
        return !refused;
    }

    /// Runs `call`, and once more if the server refused a checksum header: `call` reads
    /// [#accepted()] while building its request, so the second time it goes without.
    <T> T call(Supplier<T> call) {
        boolean withHeaders = accepted(); // another call may learn of a refusal meanwhile
        try {
            return call.get();
        } catch (AwsServiceException e) {
            if (!withHeaders || !isRefusal(e)) {
                throw e;
            }
            refused = true;
            return call.get();
        }
    }

    /// Asks for CRC32C part checksums when the server takes them; returns whether it asked.
    boolean create(CreateMultipartUploadRequest.Builder b) {
        boolean crc = accepted();
        if (crc) {
            b.checksumAlgorithm(ChecksumAlgorithm.CRC32_C);
        }
        return crc;
    }

    /// The part's checksum in the algorithm its upload was created with ([PartChecksums]; the
    /// CRC32C is already known as `crc32c`) while the server takes the header, otherwise its Content-MD5.
    /// Returns the checksum of another algorithm than CRC32C when it sent one, else null.
    String part(UploadPartRequest.Builder b, String algorithm, String crc32c, byte[] body, int len) {
        if (PartChecksums.CRC32C.equals(algorithm) && accepted()) {
            b.checksumCRC32C(crc32c);
        } else if (!algorithm.isEmpty() && accepted()) {
            String value = PartChecksums.of(algorithm, body, 0, len);
            PartChecksums.onPart(b, algorithm, value);
            return value;
        } else {
            b.contentMD5(Hashes.md5Base64(body, 0, len));
        }
        return null;
    }

    /// A part of CompleteMultipartUpload: with its checksum exactly when the upload was created with
    /// an algorithm (S3 then requires it; a server without checksums never saw one). Our CRC32C is
    /// journalled; another algorithm's value comes from a listing (`listed`, may be null).
    static CompletedPart completed(Journal.Part p, String algorithm, String listed) {
        CompletedPart.Builder b = CompletedPart.builder().partNumber(p.number()).eTag(p.etag());
        if (PartChecksums.CRC32C.equals(algorithm)) {
            b.checksumCRC32C(p.crc32c());
        } else if (!algorithm.isEmpty() && listed != null) {
            PartChecksums.onCompleted(b, algorithm, listed);
        }
        return b.build();
    }
}
