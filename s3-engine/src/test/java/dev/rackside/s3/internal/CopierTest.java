package dev.rackside.s3.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rackside.s3.ObjectMetadata;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/// When a metadata change's answer was lost, the object is compared with what was asked for.
class CopierTest {
    static ObjectMetadata stored(long size, String type, Map<String, String> meta) {
        return new ObjectMetadata("k", size, Instant.EPOCH, "\"e\"", type, meta, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), null, Optional.empty());
    }

    static final ObjectMetadata BEFORE = stored(1, "text/plain", Map.of());

    @Test
    void aChangeCountsAsAppliedOnlyWhenTheObjectCarriesIt() {
        assertTrue(Copier.applied(stored(1, "text/html", Map.of("owner", "web")), BEFORE, "text/html", Map.of("Owner", "web")),
                "S3 lower-cases metadata names");
        assertFalse(Copier.applied(stored(1, "text/plain", Map.of("owner", "web")), BEFORE, "text/html", Map.of("owner", "web")));
        assertFalse(Copier.applied(stored(1, "text/html", Map.of("owner", "someone")), BEFORE, "text/html", Map.of("owner", "web")));
        assertFalse(Copier.applied(stored(1, "text/html", Map.of("owner", "web", "extra", "x")), BEFORE, "text/html",
                Map.of("owner", "web")));
        assertFalse(Copier.applied(stored(2, "text/html", Map.of("owner", "web")), BEFORE, "text/html", Map.of("owner", "web")),
                "other content: someone uploaded meanwhile");
        assertFalse(Copier.applied(stored(1, "text/html", Map.of()), BEFORE, null, Map.of()),
                "a type left to the server cannot be told from someone else's upload");
    }

    @Test
    void nonAsciiValuesComeBackEncodedAndAreDecodedToCompare() {
        // AWS and MinIO return non-ASCII values RFC 2047-encoded.
        assertTrue(Copier.applied(stored(1, "text/html", Map.of("note", "=?UTF-8?B?TcO8bGxlcg==?=")), BEFORE, "text/html",
                Map.of("note", "Müller")));
        assertTrue(Copier.applied(stored(1, "text/html", Map.of("note", "=?UTF-8?Q?M=C3=BCller_und_Co?=")), BEFORE, "text/html",
                Map.of("note", "Müller und Co")));
        // Someone else's value, encoded the same way, is not ours.
        assertFalse(Copier.applied(stored(1, "text/html", Map.of("note", "=?UTF-8?B?U2NocsO2ZGVy?=")), BEFORE, "text/html",
                Map.of("note", "Müller")));
        assertEquals("ab", Copier.decoded("=?UTF-8?Q?a?= =?UTF-8?Q?b?="), "whitespace between encoded words is dropped");
        assertNull(Copier.decoded("=?no-such-charset?B?YQ==?="));
    }
}
