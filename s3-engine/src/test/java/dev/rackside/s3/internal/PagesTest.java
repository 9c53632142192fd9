package dev.rackside.s3.internal;

import dev.rackside.s3.S3EngineException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PagesTest {

    @Test
    void pagesAreFetchedOneByOneUntilThereIsNoNextCursor() {
        List<String> asked = new ArrayList<>();
        Pages<String, String> pages = new Pages<>(c -> {
            asked.add(String.valueOf(c));
            return new Pages.Page<>("page after " + c, c == null ? "a" : c.equals("a") ? "b" : null);
        });
        List<String> got = new ArrayList<>();
        pages.forEachRemaining(got::add);
        assertEquals(List.of("page after null", "page after a", "page after b"), got);
        assertEquals(List.of("null", "a", "b"), asked);
    }

    @Test
    void aServerHandingBackTheSameCursorIsStoppedNotFollowedForever() {
        // As an S3 server whose next marker is the one it was given (a raw marker decoded wrongly).
        Pages<String[], String> pages = new Pages<>(c -> new Pages.Page<>("p", new String[] {"k", "v1"}));
        pages.next();
        var e = assertThrows(S3EngineException.Unsupported.class, pages::next);
        assertEquals("This server does not support paging this listing: it sent the same next-page marker twice,"
                + " so the listing would never end", e.getMessage());
    }
}
