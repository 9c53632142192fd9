package dev.rackside.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class LateCloserTest {
    private final List<String> closed = new CopyOnWriteArrayList<>();

    private AutoCloseable server(String name) {
        return () -> closed.add(name);
    }

    @Test
    void closesWhatItKeptLatestFirst() {
        LateCloser closer = new LateCloser();
        AutoCloseable cluster = server("cluster");
        assertSame(cluster, closer.keep(cluster));
        closer.keep(server("s3"));
        assertEquals(List.of(), closed, "nothing is closed while the app runs");
        closer.close();
        assertEquals(List.of("s3", "cluster"), closed);
        closer.close();
        assertEquals(2, closed.size(), "a second close closes nothing twice");
    }

    @Test
    void whatFinishesStartingAfterTheAppClosedIsClosedAtOnce() {
        LateCloser closer = new LateCloser();
        closer.close();
        assertThrows(CancellationException.class, () -> closer.keep(server("late s3")));
        assertEquals(List.of("late s3"), closed);
    }

    @Test
    void aFailingCloseDoesNotStopTheOthers() {
        LateCloser closer = new LateCloser();
        closer.keep(server("cluster"));
        closer.keep(() -> {
            throw new IllegalStateException("port already closed");
        });
        closer.close();
        assertEquals(List.of("cluster"), closed);
    }
}
