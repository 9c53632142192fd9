package dev.rackside.s3.internal;

import dev.rackside.s3.S3EngineException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/// The waits the engine's start uses for what it builds in the background.
class FuturesTest {
    @Test
    void anInterruptedCleanUpStillWaitsForTheResultAndKeepsTheInterrupt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        FutureTask<String> opening = new FutureTask<>(() -> {
            release.await();
            return "journal";
        });
        Thread.ofPlatform().daemon().start(opening);
        Thread.ofPlatform().daemon().start(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException ignored) {
                // released below anyway
            }
            release.countDown();
        });
        Thread.currentThread().interrupt();
        try {
            // A plain join gives up at once and would leave the journal open behind it.
            assertThrows(S3EngineException.Cancelled.class, () -> Futures.join(opening));
            assertTrue(Thread.interrupted(), "join keeps the interrupt");
            Thread.currentThread().interrupt();
            assertEquals("journal", Futures.joinUninterruptibly(opening));
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is restored for the caller");
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void theTasksOwnFailureIsRethrownNotWaitedOnForEver() {
        FutureTask<String> failed = new FutureTask<>(() -> {
            throw new S3EngineException.Cancelled("The opening");
        });
        failed.run();
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(5), () -> {
            assertThrows(S3EngineException.Cancelled.class, () -> Futures.joinUninterruptibly(failed));
        });
        assertFalse(Thread.currentThread().isInterrupted());

        FutureTask<String> broken = new FutureTask<>(() -> {
            throw new IllegalStateException("no trust store");
        });
        broken.run();
        assertEquals("no trust store",
                assertThrows(IllegalStateException.class, () -> Futures.joinUninterruptibly(broken)).getMessage());
    }
}
