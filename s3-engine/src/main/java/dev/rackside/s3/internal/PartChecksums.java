package dev.rackside.s3.internal;

import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

import java.util.Arrays;
import java.util.function.BiFunction;
import java.util.function.Function;

/// The part checksums of a multipart upload, in the algorithm it was created with. Rackside creates
/// its uploads with CRC32C (or none where the server refuses checksum headers), but an upload another
/// tool began may use CRC32, CRC64NVME, SHA-1 or SHA-256; once it was created with one, S3 wants that
/// one on every further part and on each part of the completion. Names are S3's (`CRC32C`, …).
final class PartChecksums {
    static final String CRC32C = "CRC32C";
    /// No part checksums: parts carry Content-MD5.
    static final String NONE = "";

    /// Where each algorithm's value sits in a listed part, an UploadPart and a completed part.
    private enum Field {
        CRC32C(Part::checksumCRC32C, UploadPartRequest.Builder::checksumCRC32C, CompletedPart.Builder::checksumCRC32C),
        CRC32(Part::checksumCRC32, UploadPartRequest.Builder::checksumCRC32, CompletedPart.Builder::checksumCRC32),
        CRC64NVME(Part::checksumCRC64NVME, UploadPartRequest.Builder::checksumCRC64NVME, CompletedPart.Builder::checksumCRC64NVME),
        SHA1(Part::checksumSHA1, UploadPartRequest.Builder::checksumSHA1, CompletedPart.Builder::checksumSHA1),
        SHA256(Part::checksumSHA256, UploadPartRequest.Builder::checksumSHA256, CompletedPart.Builder::checksumSHA256);

        final Function<Part, String> listed;
        final BiFunction<UploadPartRequest.Builder, String, UploadPartRequest.Builder> part;
        final BiFunction<CompletedPart.Builder, String, CompletedPart.Builder> completed;

        Field(Function<Part, String> listed, BiFunction<UploadPartRequest.Builder, String, UploadPartRequest.Builder> part,
              BiFunction<CompletedPart.Builder, String, CompletedPart.Builder> completed) {
            this.listed = listed;
            this.part = part;
            this.completed = completed;
        }

        static Field of(String algorithm) {
            return Arrays.stream(values()).filter(f -> f.name().equals(algorithm)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no part checksum " + algorithm));
        }
    }

    private PartChecksums() {
    }

    /// Whether this engine can compute part checksums of `algorithm` (null or [#NONE]: nothing to compute).
    static boolean computable(String algorithm) {
        return algorithm == null || algorithm.isEmpty() || Arrays.stream(Field.values()).anyMatch(f -> f.name().equals(algorithm));
    }

    /// The base64 checksum of `len` bytes of `data` in `algorithm`.
    static String of(String algorithm, byte[] data, int off, int len) {
        var digest = ServerChecksum.digest(algorithm);
        digest.update(data, off, len);
        return ServerChecksum.Expected.encode(digest.digest());
    }

    /// A listed part's checksum in `algorithm`, or null when the listing carries none.
    static String valueOf(Part p, String algorithm) {
        return algorithm == null || !computable(algorithm) || algorithm.isEmpty() ? null : Field.of(algorithm).listed.apply(p);
    }

    static void onPart(UploadPartRequest.Builder b, String algorithm, String value) {
        Field.of(algorithm).part.apply(b, value);
    }

    static void onCompleted(CompletedPart.Builder b, String algorithm, String value) {
        Field.of(algorithm).completed.apply(b, value);
    }
}
