package dev.rackside.app.feature.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rackside.app.demo.DemoS3;
import dev.rackside.app.fx.Background;
import dev.rackside.s3.ObjectInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/// The checksum column's HEADs against the demo's S3 server: a few at a time, newest first, none
/// twice for the same object version, and none for rows scrolled far past.
class ChecksumLookupsTest {
    static DemoS3 demo;
    static S3Session session;

    @BeforeAll
    static void startServer() {
        demo = S3Fixture.demo();
        session = new S3Session(DemoS3.SESSION_ID, "Demo S3", demo.engine());
    }

    @AfterAll
    static void stopServer() {
        demo.close();
    }

    /// Holds submitted work until the test runs it, as a busy network would.
    private static final class Held implements Background {
        final List<Runnable> jobs = new ArrayList<>();

        @Override
        public <T> Cancellable submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
            jobs.add(() -> Background.direct().submit(work, onSuccess, onFailure));
            return () -> { };
        }

        void runFirst() {
            jobs.removeFirst().run();
        }
    }

    private static List<ObjectRow> rows(String prefix) {
        return demo.engine().objects("iso-images", prefix).map(o -> ObjectRow.object(o, prefix)).toList();
    }

    private static ObjectRow missing(int i) {
        return ObjectRow.object(new ObjectInfo("nowhere/" + i, 1, Instant.EPOCH, "\"e\"", null), "nowhere/");
    }

    @Test
    void fewAtATimeNewestFirstAndNeverTwiceForTheSameObject() {
        Held held = new Held();
        ChecksumLookups lookups = new ChecksumLookups(held);
        List<ObjectRow> real = rows("debian/");
        assertTrue(real.size() >= 2, "the demo has objects in debian/: " + real);
        List<ObjectRow> shown = new ArrayList<>(real);
        IntStream.range(0, 8).forEach(i -> shown.add(missing(i)));
        shown.forEach(r -> lookups.request(session, "iso-images", r));
        assertEquals(ChecksumLookups.PARALLEL, held.jobs.size(), "at most four HEADs at once");
        assertTrue(shown.stream().allMatch(r -> r.checksumProperty().get() == ChecksumState.CHECKING));

        // Each answer lets the newest waiting request go next: the rows just scrolled to.
        held.runFirst();
        assertEquals(ChecksumLookups.PARALLEL, held.jobs.size());
        held.jobs.removeLast().run(); // the one that just went out
        assertEquals(ChecksumState.UNAVAILABLE, shown.getLast().checksumProperty().get(), "the newest request went first");
        assertEquals(ChecksumState.CHECKING, shown.get(ChecksumLookups.PARALLEL).checksumProperty().get(),
                "the oldest waiting one still waits");
        while (!held.jobs.isEmpty()) {
            held.runFirst();
        }
        assertTrue(real.stream().allMatch(r -> r.checksumProperty().get().verified()
                        || r.checksumProperty().get() == ChecksumState.NONE),
                real.stream().map(r -> r.key() + "=" + r.checksumProperty().get()).toList().toString());
        assertTrue(shown.subList(real.size(), shown.size()).stream()
                .allMatch(r -> r.checksumProperty().get() == ChecksumState.UNAVAILABLE));

        // A refresh makes new rows for the same objects: their state is known, no HEAD is sent.
        List<ObjectRow> again = rows("debian/");
        again.forEach(r -> lookups.request(session, "iso-images", r));
        assertEquals(List.of(), held.jobs);
        assertEquals(real.stream().map(r -> r.checksumProperty().get()).toList(),
                again.stream().map(r -> r.checksumProperty().get()).toList());
    }

    @Test
    void rowsScrolledFarPastAreNotLookedUp() {
        Held held = new Held();
        ChecksumLookups lookups = new ChecksumLookups(held);
        int extra = 5;
        List<ObjectRow> shown = IntStream.range(0, ChecksumLookups.PARALLEL + ChecksumLookups.MAX_WAITING + extra)
                .mapToObj(ChecksumLookupsTest::missing).toList();
        shown.forEach(r -> lookups.request(session, "iso-images", r));
        assertEquals(ChecksumLookups.PARALLEL, held.jobs.size());
        // The oldest waiting ones (requested right after the first four) go back to "unknown":
        // shown again, they ask again.
        List<ObjectRow> dropped = shown.subList(ChecksumLookups.PARALLEL, ChecksumLookups.PARALLEL + extra);
        assertTrue(dropped.stream().allMatch(r -> r.checksumProperty().get() == ChecksumState.UNKNOWN), dropped.toString());
        assertEquals(ChecksumState.CHECKING, shown.getLast().checksumProperty().get());
        lookups.request(session, "iso-images", dropped.getFirst());
        assertEquals(ChecksumState.CHECKING, dropped.getFirst().checksumProperty().get());
    }
}
