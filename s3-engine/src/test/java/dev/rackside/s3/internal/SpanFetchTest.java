package dev.rackside.s3.internal;

import org.junit.jupiter.api.Test;

import dev.rackside.s3.S3EngineException;
import dev.rackside.s3.TransferRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SpanFetchTest {
    static final long MIB = 1024 * 1024;

    @Test
    void spansAreAboutEightPerRequestSlotInWholePiecesAndCapped() {
        assertEquals(32 * MIB, SpanFetch.spanSize(2048 * MIB, 8 * MIB, 8)); // 2 GiB: 64 GETs instead of 256
        assertEquals(8 * MIB, SpanFetch.spanSize(100 * MIB, 8 * MIB, 8)); // never below one piece
        assertEquals(16 * MIB, SpanFetch.spanSize(65 * 8 * MIB, 8 * MIB, 8)); // 8.1 MiB per GET rounds up to two pieces
        assertEquals(SpanFetch.MAX_SPAN, SpanFetch.spanSize(1L << 40, 8 * MIB, 8)); // 1 TiB: capped
        assertEquals(0, SpanFetch.spanSize(1L << 40, 3 * MIB, 1) % (3 * MIB)); // capped, still whole pieces
    }

    @Test
    void onlyMissingPiecesAreFetchedInRunsCutAtTheSpan() {
        // 10 pieces of 4 bytes, size 38 (the last piece is short); pieces 2, 3 and 7 are already written.
        Map<Long, Long> written = Map.of(8L, 12L, 12L, 16L, 28L, 32L);
        List<long[]> spans = SpanFetch.spans(written, 38, 4, 12);
        assertEquals(List.of("0-8", "16-28", "32-38"), spans.stream().map(s -> s[0] + "-" + s[1]).toList());
        assertEquals(List.of("0-12", "12-24", "24-36", "36-38"),
                SpanFetch.spans(Map.of(), 38, 4, 12).stream().map(s -> s[0] + "-" + s[1]).toList());
        assertEquals(List.of(), SpanFetch.spans(Map.of(0L, 4L, 4L, 6L), 6, 4, 8));
    }

    @Test
    void aRangedAnswerMustCarryTheAskedRangeUnlessItIsTheWholeObject() {
        TransferRequest.Download r = new TransferRequest.Download("b", "k", Path.of("k"));
        GetObjectResponse asked = GetObjectResponse.builder().contentRange("bytes 100-199/1000").contentLength(100L).build();
        assertDoesNotThrow(() -> SpanFetch.requireRange(asked, 100, 200, 1000, r));
        assertThrows(S3EngineException.Unsupported.class, () -> SpanFetch.requireRange(asked, 200, 300, 1000, r));
        GetObjectResponse plain = GetObjectResponse.builder().contentLength(1000L).build(); // 200, no Content-Range
        assertThrows(S3EngineException.Unsupported.class, () -> SpanFetch.requireRange(plain, 100, 200, 1000, r));
        assertDoesNotThrow(() -> SpanFetch.requireRange(plain, 0, 1000, 1000, r));
        assertThrows(S3EngineException.Unsupported.class, () -> SpanFetch.requireRange(plain, 0, 1000, 2000, r));
    }

    @Test
    void everyRangeMustComeFromTheObjectFirstLookedAt() {
        TransferRequest.Download r = new TransferRequest.Download("b", "k", Path.of("k"));
        GetObjectResponse same = GetObjectResponse.builder().eTag("\"abc-3\"").build();
        assertDoesNotThrow(() -> SpanFetch.requireSameObject(same, "abc-3", r));
        assertDoesNotThrow(() -> SpanFetch.requireSameObject(GetObjectResponse.builder().eTag("W/\"abc-3\"").build(), "\"abc-3\"", r));
        assertDoesNotThrow(() -> SpanFetch.requireSameObject(GetObjectResponse.builder().build(), "abc-3", r));
        assertDoesNotThrow(() -> SpanFetch.requireSameObject(GetObjectResponse.builder().eTag("").build(), "abc-3", r));
        // A server that ignored If-Match sent a range of the object written since.
        assertThrows(S3EngineException.SourceChanged.class,
                () -> SpanFetch.requireSameObject(GetObjectResponse.builder().eTag("\"def-3\"").build(), "\"abc-3\"", r));
    }
}
