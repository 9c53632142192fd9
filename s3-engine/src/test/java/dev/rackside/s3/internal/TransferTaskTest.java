package dev.rackside.s3.internal;

import dev.rackside.s3.S3EngineException;
import dev.rackside.s3.TransferRequest;
import dev.rackside.s3.TransferState;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/// The QUEUED → RUNNING step and pause must not lose each other.
class TransferTaskTest {
    private static TransferTask task() {
        return new TransferTask("t1", new TransferRequest.Download("b", "k", Path.of("k")), null);
    }

    @Test
    void aPauseBeforeTheStartStopsIt() {
        TransferTask t = task();
        t.pause();
        assertThrows(S3EngineException.Cancelled.class, t::begin);
        assertEquals(TransferState.PAUSED, t.state(), "the worker's start must not overwrite the pause");
    }

    @Test
    void aPauseAfterTheStartIsSeenByTheWorker() {
        TransferTask t = task();
        t.begin();
        assertEquals(TransferState.RUNNING, t.state());
        t.pause();
        assertEquals(TransferState.PAUSED, t.state());
        assertThrows(S3EngineException.Cancelled.class, t::checkStop);
    }
}
