package dev.rackside.app.feature.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rackside.app.demo.DemoS3;
import dev.rackside.app.fx.Background;
import dev.rackside.app.fx.RecordingNotifier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import org.junit.jupiter.api.Test;

/// The sidebar's bucket lists against the demo's S3 server, when answers come back out of order.
class EndpointBucketsTest {

    /// Asks the server at once but delivers the answer when the test says, as a slow network would.
    private static final class Late implements Background {
        final List<Runnable> answers = new ArrayList<>();

        @Override
        public <T> Cancellable submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
            try {
                T result = work.call();
                answers.add(() -> onSuccess.accept(result));
            } catch (Exception e) {
                answers.add(() -> onFailure.accept(e));
            }
            return () -> { };
        }
    }

    @Test
    void anOlderListingArrivingLateDoesNotUndoANewerOne() {
        try (DemoS3 demo = S3Fixture.demo()) {
            S3Session s = new S3Session(DemoS3.SESSION_ID, "Demo S3", demo.engine());
            Late late = new Late();
            EndpointBuckets buckets = new EndpointBuckets(FXCollections.observableArrayList(s), late, new RecordingNotifier());
            buckets.refresh(); // listed before the bucket exists
            demo.engine().createBucket("made-meanwhile");
            buckets.refresh(); // listed after
            late.answers.get(1).run();
            assertTrue(buckets.of(s).contains("made-meanwhile"), buckets.of(s).toString());
            late.answers.get(0).run(); // the older answer, last
            assertTrue(buckets.of(s).contains("made-meanwhile"), "the older listing is dropped: " + buckets.of(s));
            assertTrue(buckets.sidebar().contains(new SidebarEntry.Bucket(s, "made-meanwhile")));
            assertEquals(buckets.of(s).size() + 1, buckets.sidebar().size(), "the endpoint and its buckets");
        }
    }
}
