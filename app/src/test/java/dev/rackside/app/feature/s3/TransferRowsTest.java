package dev.rackside.app.feature.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rackside.s3.TransferProgress;
import dev.rackside.s3.TransferState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/// The transfers list's own logic: the totals (what is done of everything, the time left for what
/// runs), and which command reaches which transfer.
class TransferRowsTest {
    private static final long MB = 1_000_000;

    private static TransferRow row(String id, TransferState state, long done, long total, double rate) {
        return new TransferRow(null, new ReportedTransfer(new TransferProgress(id, id, state, done, total, rate, Optional.empty())));
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

    /// A big upload first reads its file for the SHA-256 (or an adopted upload's parts): shown as
    /// such, with how far it has read, instead of a bar standing at 0 % for minutes.
    @Test
    void checkingTheFileIsShownWithItsOwnProgress() {
        TransferRow r = row("big", TransferState.RUNNING, 0, 1000 * MB, 0);
        r.update(new TransferProgress("big", "big", TransferState.RUNNING, 0, 1000 * MB, 0, Optional.empty(), 250 * MB));
        assertEquals(new TransferRow.Status(TransferState.RUNNING, true), r.statusProperty().get());
        assertEquals(0.25, r.progressProperty().get(), 1e-9);
        r.update(new TransferProgress("big", "big", TransferState.RUNNING, 100 * MB, 1000 * MB, 0, Optional.empty()));
        assertEquals(new TransferRow.Status(TransferState.RUNNING, false), r.statusProperty().get());
        assertEquals(0.1, r.progressProperty().get(), 1e-9, "then what was sent");
    }

    @Test
    void nothingRunningMeansNoTimeLeft() {
        TransferTotals totals = new TransferTotals();
        totals.recompute(List.of(row("paused", TransferState.PAUSED, 1 * MB, 2 * MB, 0)));
        assertNull(totals.eta().get());
        assertEquals(0, totals.active().get());
    }

    @Test
    void resumingManyRowsLeavesTheCancelledOnesAlone() {
        TransfersViewModel vm = new TransfersViewModel(javafx.collections.FXCollections.observableArrayList(),
                dev.rackside.app.fx.Background.direct(), new dev.rackside.app.fx.RecordingNotifier(), Runnable::run);
        ReportedTransfer paused = ReportedTransfer.in("p", TransferState.PAUSED);
        ReportedTransfer failed = ReportedTransfer.in("f", TransferState.FAILED);
        ReportedTransfer cancelled = ReportedTransfer.in("c", TransferState.CANCELLED);
        vm.resume(List.of(new TransferRow(null, paused), new TransferRow(null, failed), new TransferRow(null, cancelled)));
        assertEquals(List.of(List.of("resume"), List.of("retry"), List.of()),
                List.of(paused.commands, failed.commands, cancelled.commands), "select all, Resume");
        dev.rackside.app.fx.RecordingNotifier told = new dev.rackside.app.fx.RecordingNotifier();
        vm = new TransfersViewModel(javafx.collections.FXCollections.observableArrayList(),
                dev.rackside.app.fx.Background.direct(), told, Runnable::run);
        vm.resume(List.of(new TransferRow(null, cancelled)));
        assertEquals(List.of("retry"), cancelled.commands, "the one row chosen starts again");
        // This stand-in stays cancelled, as a transfer does whose file a newer transfer has: the operator hears why.
        assertEquals(List.of("bucket/c was started again since: that newer transfer is the one that runs."), told.infos);

        // A refused continuation of another tool's upload: Retry says why it does not start.
        ReportedTransfer refused = ReportedTransfer.in("r", TransferState.FAILED);
        refused.retryable = false;
        vm.resume(List.of(new TransferRow(null, refused)));
        assertTrue(told.infos.getLast().startsWith("bucket/r cannot be retried: its incomplete upload does not match that file."),
                told.infos.getLast());
    }
}
