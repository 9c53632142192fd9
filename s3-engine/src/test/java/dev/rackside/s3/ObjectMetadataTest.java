package dev.rackside.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/// What the browser says a download is checked against must be what the downloader checks.
class ObjectMetadataTest {
    private static final String MD5 = "\"9e107d9d372bb6826bd81d3542a419d6\"";
    private static final String MULTIPART = "\"9e107d9d372bb6826bd81d3542a419d6-3\"";

    private static ObjectMetadata meta(String etag, String sse, String sha256, Map<String, String> user, String server) {
        return new ObjectMetadata("k", 1, Instant.EPOCH, etag, "application/octet-stream", user, Optional.empty(),
                Optional.ofNullable(sse), Optional.ofNullable(sha256), Optional.empty(), null, Optional.ofNullable(server));
    }

    @Test
    void eachKindOfObjectNamesWhatItsDownloadIsCheckedAgainst() {
        assertEquals(Optional.of("SHA-256"), meta(MULTIPART, null, "ab", Map.of(), "CRC64NVME").checkedBy());
        // A checksum the server keeps comes before an ETag that only looks like an MD5.
        assertEquals(Optional.of("CRC64NVME"), meta(MD5, null, null, Map.of(), "CRC64NVME").checkedBy());
        assertEquals(Optional.of("MD5"), meta(MD5, null, null, Map.of(), null).checkedBy());
        assertEquals(Optional.of("MD5"), meta(MD5, "AES256", null, Map.of(), null).checkedBy(), "SSE-S3 ETags are MD5s");
        // SSE-KMS and SSE-C ETags are not the MD5 of the bytes: the server's checksum, or the size.
        assertEquals(Optional.of("CRC32C"), meta(MD5, "aws:kms", null, Map.of(), "CRC32C").checkedBy());
        assertEquals(Optional.empty(), meta(MD5, "SSE-C AES256", null, Map.of(), null).checkedBy());
        assertEquals(Optional.of("CRC64NVME"), meta(MULTIPART, null, null, Map.of(), "CRC64NVME").checkedBy());
        assertEquals(Optional.empty(), meta(MULTIPART, null, null, Map.of(), null).checkedBy());
        // Encrypted on a client: never the server's checksum (that one covers the ciphertext).
        Map<String, String> sealed = Map.of(dev.rackside.s3.internal.ChunkedAead.META, dev.rackside.s3.internal.ChunkedAead.FORMAT);
        assertEquals(Optional.of("AES-GCM"), meta(MD5, null, null, sealed, "CRC64NVME").checkedBy());
    }
}
