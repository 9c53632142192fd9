package dev.rackside.app.feature.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.rackside.s3.Transfer;
import dev.rackside.s3.TransferProgress;
import dev.rackside.s3.TransferRequest;
import dev.rackside.s3.TransferState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/// The transfers panel's totals: what is done of everything, and the time left for what runs.
class TransferTotalsTest {
    private static final long MB = 1_000_000;

    /// A transfer as the engine reports it; the row reads nothing else of it.
    private record Reported(TransferProgress progress) implements Transfer {
        public String id() {
            return progress.id();
        }

        public TransferRequest request() {
            throw new UnsupportedOperationException();
        }

        public TransferState state() {
            return progress.state();
        }

        public void pause() {
        }

        public void resume() {
        }

        public void cancel() {
        }

        public void retry() {
        }

        public CompletableFuture<TransferProgress> completion() {
            return new CompletableFuture<>();
        }
    }

    private static TransferRow row(String id, TransferState state, long done, long total, double rate) {
        return new TransferRow(null, new Reported(new TransferProgress(id, id, state, done, total, rate, Optional.empty())));
    }

    @Test
    void pausedAndFailedFilesCountInProgressButNotInTheTimeLeft() {
        TransferTotals totals = new TransferTotals();
        totals.recompute(List.of(
                row("running", TransferState.RUNNING, 2 * MB, 12 * MB, 1 * MB),
                row("paused", TransferState.PAUSED, 10 * MB, 100_000 * MB, 0),
                row("failed", TransferState.FAILED, 0, 50_000 * MB, 0),
                row("queued", TransferState.QUEUED, 0, 5 * MB, 0)));
        // 10 MB left of the running file and 5 MB of the queued one, at 1 MB/s: 15 s, not two days.
        assertEquals(Duration.ofSeconds(15), totals.eta().get());
        assertEquals(2, totals.active().get());
        assertEquals(12.0 / 150_017, totals.progress().get(), 1e-9);
    }

    @Test
    void nothingRunningMeansNoTimeLeft() {
        TransferTotals totals = new TransferTotals();
        totals.recompute(List.of(row("paused", TransferState.PAUSED, 1 * MB, 2 * MB, 0)));
        assertNull(totals.eta().get());
        assertEquals(0, totals.active().get());
    }
}
