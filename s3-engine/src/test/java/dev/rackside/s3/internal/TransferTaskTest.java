package dev.rackside.s3.internal;

import dev.rackside.s3.S3EngineException;
import dev.rackside.s3.TransferRequest;
import dev.rackside.s3.TransferState;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
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

    /// Reading a big file to checksum it sends nothing for minutes: that progress is reported on its own.
    @Test
    void checkingAFileIsReportedAsItsOwnProgress(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = java.nio.file.Files.write(dir.resolve("f.bin"), new byte[3 * 1024 * 1024 + 5]);
        TransferTask t = new TransferTask("t2", new TransferRequest.Upload(file, "b", "k"), null);
        t.begin();
        assertFalse(t.progress().checking());
        t.sample();
        t.checking(1024);
        assertTrue(t.sample(), "news for the ticker, though no byte was sent");
        assertEquals(1024, t.progress().checkedBytes());
        assertEquals(0, t.progress().transferredBytes());
        assertFalse(t.sample(), "nothing new");
        t.pause();
        assertEquals(-1, t.progress().checkedBytes(), "only a running transfer checks");

        TransferTask h = new TransferTask("t3", new TransferRequest.Upload(file, "b", "k"), null);
        h.begin();
        String sha = Hashes.sha256Of(file, 3 * 1024 * 1024 + 5, h);
        assertEquals(Hashes.hex(Hashes.sha256().digest(java.nio.file.Files.readAllBytes(file))), sha);
        assertFalse(h.progress().checking(), "over once the digest is done");
    }
}
