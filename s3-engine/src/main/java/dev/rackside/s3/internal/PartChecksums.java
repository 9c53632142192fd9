package dev.rackside.s3.internal;

import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

import java.util.Set;

/// The part checksums of a multipart upload, in the algorithm it was created with. Rackside creates
/// its uploads with CRC32C (or none where the server refuses checksum headers), but an upload another
/// tool began may use CRC32, CRC64NVME, SHA-1 or SHA-256; once it was created with one, S3 wants that
/// one on every further part and on each part of the completion. Names are S3's (`CRC32C`, …).
final class PartChecksums {
    static final String CRC32C = "CRC32C";
    /// No part checksums: parts carry Content-MD5.
    static final String NONE = "";
    private static final Set<String> COMPUTABLE = Set.of("CRC32C", "CRC32", "CRC64NVME", "SHA1", "SHA256");

    private PartChecksums() {
    }

    /// Whether this engine can compute part checksums of `algorithm` (null or [#NONE]: nothing to compute).
    static boolean computable(String algorithm) {
        return algorithm == null || algorithm.isEmpty() || COMPUTABLE.contains(algorithm);
    }

    /// The base64 checksum of `len` bytes of `data` in `algorithm`.
    static String of(String algorithm, byte[] data, int off, int len) {
        var digest = ServerChecksum.digest(algorithm);
        digest.update(data, off, len);
        return ServerChecksum.Expected.encode(digest.digest());
    }

    /// A listed part's checksum in `algorithm`, or null when the listing carries none.
    static String valueOf(Part p, String algorithm) {
        if (algorithm == null) {
            return null;
        }
        return switch (algorithm) {
            case "CRC32C" -> p.checksumCRC32C();
            case "CRC32" -> p.checksumCRC32();
            case "CRC64NVME" -> p.checksumCRC64NVME();
            case "SHA1" -> p.checksumSHA1();
            case "SHA256" -> p.checksumSHA256();
            default -> null;
        };
    }

    static void onPart(UploadPartRequest.Builder b, String algorithm, String value) {
        switch (algorithm) {
            case "CRC32C" -> b.checksumCRC32C(value);
            case "CRC32" -> b.checksumCRC32(value);
            case "CRC64NVME" -> b.checksumCRC64NVME(value);
            case "SHA1" -> b.checksumSHA1(value);
            case "SHA256" -> b.checksumSHA256(value);
            default -> throw new IllegalArgumentException("no part checksum " + algorithm);
        }
    }

    static void onCompleted(CompletedPart.Builder b, String algorithm, String value) {
        switch (algorithm) {
            case "CRC32C" -> b.checksumCRC32C(value);
            case "CRC32" -> b.checksumCRC32(value);
            case "CRC64NVME" -> b.checksumCRC64NVME(value);
            case "SHA1" -> b.checksumSHA1(value);
            case "SHA256" -> b.checksumSHA256(value);
            default -> throw new IllegalArgumentException("no part checksum " + algorithm);
        }
    }
}
