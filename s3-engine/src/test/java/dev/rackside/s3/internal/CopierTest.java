package dev.rackside.s3.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rackside.s3.ObjectMetadata;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/// When a metadata change's answer was lost, the object is compared with what was asked for.
class CopierTest {
    static ObjectMetadata stored(String type, Map<String, String> meta) {
        return new ObjectMetadata("k", 1, Instant.EPOCH, "\"e\"", type, meta, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), null);
    }

    @Test
    void aChangeCountsAsAppliedOnlyWhenTheObjectCarriesIt() {
        assertTrue(Copier.applied(stored("text/html", Map.of("owner", "web")), "text/html", Map.of("Owner", "web")),
                "S3 lower-cases metadata names");
        assertFalse(Copier.applied(stored("text/plain", Map.of("owner", "web")), "text/html", Map.of("owner", "web")));
        assertFalse(Copier.applied(stored("text/html", Map.of("owner", "someone")), "text/html", Map.of("owner", "web")));
        assertFalse(Copier.applied(stored("text/html", Map.of("owner", "web", "extra", "x")), "text/html", Map.of("owner", "web")));
        // AWS and MinIO return non-ASCII values RFC 2047-encoded.
        assertTrue(Copier.applied(stored("text/html", Map.of("note", "=?UTF-8?B?TcO8bGxlcg==?=")), "text/html",
                Map.of("note", "Müller")));
        assertFalse(Copier.applied(stored("text/html", Map.of("note", "Muller")), "text/html", Map.of("note", "Müller")));
    }
}
