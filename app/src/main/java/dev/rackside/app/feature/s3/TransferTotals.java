package dev.rackside.app.feature.s3;

import dev.rackside.s3.TransferState;
import java.time.Duration;
import java.util.List;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/// The figures over every transfer row that [TransfersViewModel] shows in the panel's header:
/// overall progress, rate, time left and how many are queued or running. Cancelled rows count
/// for nothing. UI thread only.
final class TransferTotals {
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyDoubleWrapper rate = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyObjectWrapper<Duration> eta = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper active = new ReadOnlyIntegerWrapper();

    ReadOnlyDoubleProperty progress() {
        return progress.getReadOnlyProperty();
    }

    ReadOnlyDoubleProperty rate() {
        return rate.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Duration> eta() {
        return eta.getReadOnlyProperty();
    }

    ReadOnlyIntegerProperty active() {
        return active.getReadOnlyProperty();
    }

    void recompute(List<TransferRow> rows) {
        long done = 0;
        long total = 0;
        long remaining = 0;
        double rateSum = 0;
        int running = 0;
        for (TransferRow r : rows) {
            TransferState st = r.stateProperty().get();
            if (st == TransferState.CANCELLED) {
                continue;
            }
            done += r.transferredProperty().get();
            total += Math.max(0, r.totalProperty().get());
            if (st.active()) { // a paused row's rate lingers for a few seconds: only running rows count
                running++;
                rateSum += r.rateProperty().get();
                // Paused and failed rows wait for the operator: their bytes are not in the time left.
                remaining += Math.max(0, r.totalProperty().get() - r.transferredProperty().get());
            }
        }
        progress.set(total > 0 ? Math.min(1.0, (double) done / total) : rows.isEmpty() ? 0 : 1);
        rate.set(rateSum);
        eta.set(rateSum > 0 && running > 0 ? Duration.ofSeconds((long) Math.ceil(remaining / rateSum)) : null);
        active.set(running);
    }
}
