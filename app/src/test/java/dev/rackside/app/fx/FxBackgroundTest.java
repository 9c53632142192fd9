package dev.rackside.app.fx;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/// A closed background neither starts work nor delivers results: the window is gone, and what
/// would be called back is closed too.
@ExtendWith(ApplicationExtension.class)
class FxBackgroundTest {
    @Start
    void start(Stage stage) {
        // only the toolkit is needed
    }

    @Test
    void workSubmittedAfterCloseIsNeitherRunNorRefusedWithAnException() throws Exception {
        FxBackground background = new FxBackground();
        background.close();
        AtomicBoolean ran = new AtomicBoolean();
        background.submit(() -> ran.getAndSet(true), v -> ran.set(true), e -> ran.set(true)).cancel();
        Thread.sleep(200);
        assertFalse(ran.get());
    }

    @Test
    void aResultThatArrivesAfterCloseIsDropped() throws Exception {
        FxBackground background = new FxBackground();
        CountDownLatch fxBusy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Platform.runLater(() -> { // holds the FX thread, so the result's delivery queues behind it
            fxBusy.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(fxBusy.await(10, TimeUnit.SECONDS));
        CountDownLatch worked = new CountDownLatch(1);
        AtomicBoolean delivered = new AtomicBoolean();
        background.submit(() -> {
            worked.countDown();
            return "done";
        }, v -> delivered.set(true), e -> delivered.set(true));
        assertTrue(worked.await(10, TimeUnit.SECONDS));
        Thread.sleep(100); // the task's completion is now queued on the FX thread
        background.close(); // what closing the window does, before the FX thread gets to it
        release.countDown();
        AtomicBoolean drained = new AtomicBoolean();
        Platform.runLater(() -> drained.set(true));
        FxWait.until(10, drained::get);
        FxWait.until(10, () -> true); // and once more, after anything the completion queued
        assertFalse(delivered.get(), "closed components are not called back");
    }
}
