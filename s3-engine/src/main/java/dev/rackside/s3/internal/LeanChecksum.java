package dev.rackside.s3.internal;

import software.amazon.awssdk.checksums.DefaultChecksumAlgorithm;
import software.amazon.awssdk.checksums.SdkChecksum;
import software.amazon.awssdk.http.SdkHttpResponse;

import java.util.Base64;
import java.util.List;

/// The full-object checksum a server returns for a GET with `x-amz-checksum-mode: ENABLED`, for
/// the lean path: the S3Client validates it itself (response validation `WHEN_SUPPORTED`), so
/// [SmallDownload] checks it when it has neither our SHA-256 nor a plain-MD5 ETag.
final class LeanChecksum {
    /// The algorithms in the order the SDK prefers them when a server sends several.
    private static final List<String> ALGORITHMS = List.of("CRC64NVME", "CRC32C", "CRC32", "SHA1", "SHA256");
    private static final java.util.regex.Pattern MULTIPART_ETAG = java.util.regex.Pattern.compile("(W/)?\"?[0-9a-fA-F]+-\\d+\"?");

    private LeanChecksum() {
    }

    record Expected(String algorithm, String value) {
        /// The same checksum of `data`, base64 like the header.
        String of(byte[] data) {
            SdkChecksum c = SdkChecksum.forAlgorithm(DefaultChecksumAlgorithm.fromValue(algorithm));
            c.update(data, 0, data.length);
            return Base64.getEncoder().encodeToString(c.getChecksumBytes());
        }
    }

    /// The first full-object checksum in `r`, or null. Composite ones (multipart objects, a
    /// checksum of the parts' checksums, `…-N`) cannot be checked from the bytes alone.
    static Expected of(SdkHttpResponse r) {
        var type = r.firstMatchingHeader("x-amz-checksum-type");
        if (type.filter("COMPOSITE"::equalsIgnoreCase).isPresent()) {
            return null;
        }
        // Garage sends a multipart object's composite checksum with neither the type nor the "-N":
        // an object whose ETag says it was uploaded in parts counts only when called FULL_OBJECT.
        boolean multipart = r.firstMatchingHeader("ETag").filter(e -> MULTIPART_ETAG.matcher(e).matches()).isPresent();
        if (multipart && type.filter("FULL_OBJECT"::equalsIgnoreCase).isEmpty()) {
            return null;
        }
        for (String a : ALGORITHMS) {
            var v = r.firstMatchingHeader("x-amz-checksum-" + a.toLowerCase(java.util.Locale.ROOT));
            if (v.isPresent() && !v.get().contains("-") && available(a)) {
                return new Expected(a, v.get());
            }
        }
        return null;
    }

    private static boolean available(String algorithm) {
        try {
            SdkChecksum.forAlgorithm(DefaultChecksumAlgorithm.fromValue(algorithm));
            return true;
        } catch (RuntimeException e) {
            return false; // e.g. an algorithm whose implementation needs the CRT library
        }
    }
}
