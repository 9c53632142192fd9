package dev.rackside.app.feature.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rackside.s3.ObjectMetadata;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/// The checksum column names what the engine checks a download against, and marks only those as verified.
class ChecksumStateTest {
    private static ObjectMetadata meta(String etag, String sha256, String server) {
        return new ObjectMetadata("k", 1, Instant.EPOCH, etag, "text/plain", Map.of(), Optional.empty(), Optional.empty(),
                Optional.ofNullable(sha256), Optional.empty(), null, Optional.ofNullable(server));
    }

    @Test
    void eachCheckHasItsStateAndOnlySizeIsUnverified() {
        String multipart = "\"9e107d9d372bb6826bd81d3542a419d6-2\"";
        assertEquals(ChecksumState.SHA256, ChecksumState.of(meta(multipart, "ab", null)));
        assertEquals(ChecksumState.MD5, ChecksumState.of(meta("\"9e107d9d372bb6826bd81d3542a419d6\"", null, null)));
        assertEquals(ChecksumState.SHA256, ChecksumState.of(meta(multipart, null, "SHA256")), "a SHA-256 the server keeps");
        for (String a : new String[] {"CRC64NVME", "CRC32C", "CRC32", "SHA1"}) {
            assertEquals(a, ChecksumState.of(meta(multipart, null, a)).name());
        }
        ChecksumState none = ChecksumState.of(meta(multipart, null, null));
        assertEquals(ChecksumState.NONE, none);
        assertFalse(none.verified());
        for (ChecksumState s : new ChecksumState[] {ChecksumState.SHA256, ChecksumState.MD5, ChecksumState.AES_GCM,
                ChecksumState.CRC64NVME, ChecksumState.CRC32C, ChecksumState.CRC32, ChecksumState.SHA1}) {
            assertTrue(s.verified(), s.name());
        }
        for (ChecksumState s : new ChecksumState[] {ChecksumState.UNKNOWN, ChecksumState.CHECKING, ChecksumState.UNAVAILABLE,
                ChecksumState.NOT_APPLICABLE}) {
            assertFalse(s.verified(), s.name());
        }
    }
}
