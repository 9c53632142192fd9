package dev.rackside.app.feature.s3;

import dev.rackside.s3.Transfer;
import dev.rackside.s3.TransferProgress;
import dev.rackside.s3.TransferRequest;
import dev.rackside.s3.TransferState;
import java.time.Duration;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/// One file being uploaded or downloaded, as the transfers list shows it. Updated on the UI
/// thread only, from the engine's coalesced progress.
public final class TransferRow {
    private final S3Session session;
    private final Transfer transfer;
    private final ObjectProperty<TransferState> state = new SimpleObjectProperty<>(TransferState.QUEUED);
    private final LongProperty transferred = new SimpleLongProperty();
    private final LongProperty total = new SimpleLongProperty(-1);
    private final DoubleProperty rate = new SimpleDoubleProperty();
    private final ObjectProperty<Duration> eta = new SimpleObjectProperty<>();
    /// 0..1, or -1 while the size is unknown (an indeterminate bar).
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final StringProperty problem = new SimpleStringProperty("");
    private final ObjectProperty<Status> status = new SimpleObjectProperty<>(new Status(TransferState.QUEUED, false));

    /// What the state column shows: the state, and whether the local file is still being read to
    /// checksum it (nothing sent yet; a big file takes minutes).
    public record Status(TransferState state, boolean checking) {
    }

    TransferRow(S3Session session, Transfer transfer) {
        this.session = session;
        this.transfer = transfer;
        update(transfer.progress());
    }

    void update(TransferProgress p) {
        state.set(p.state());
        transferred.set(p.transferredBytes());
        total.set(p.totalBytes());
        rate.set(p.state() == TransferState.RUNNING ? p.bytesPerSecond() : 0);
        eta.set(p.state() == TransferState.RUNNING ? p.eta().orElse(null) : null);
        status.set(new Status(p.state(), p.checking()));
        // While checking, the bar shows how far the file has been read.
        progress.set(p.state() == TransferState.COMPLETED ? 1.0 : p.checking() && p.totalBytes() > 0
                ? Math.min(1.0, (double) p.checkedBytes() / p.totalBytes()) : p.ratio().orElse(-1.0));
        if (p.state() != TransferState.FAILED && p.state() != TransferState.CANCELLED) {
            problem.set(""); // retried or resumed: the old problem no longer applies
        }
    }

    void fail(TransferProgress p, String message) {
        problem.set(message); // before the state, so the state cell shows both at once
        update(p);
    }

    public String id() {
        return transfer.id();
    }

    public S3Session session() {
        return session;
    }

    Transfer transfer() {
        return transfer;
    }

    public boolean upload() {
        return transfer.request() instanceof TransferRequest.Upload;
    }

    /// `bucket/key`, what the operator recognises on both sides.
    public String object() {
        return transfer.request().bucket() + "/" + transfer.request().key();
    }

    public String local() {
        return transfer.request().local().toString();
    }

    /// The same for every transfer of one file between one endpoint's object and one local path.
    String fileKey() {
        return (session == null ? "" : session.id()) + '\n' + (upload() ? "up" : "down") + '\n' + object() + '\n' + local();
    }

    public ObjectProperty<TransferState> stateProperty() {
        return state;
    }

    public ObjectProperty<Status> statusProperty() {
        return status;
    }

    public LongProperty transferredProperty() {
        return transferred;
    }

    public LongProperty totalProperty() {
        return total;
    }

    public DoubleProperty rateProperty() {
        return rate;
    }

    public ObjectProperty<Duration> etaProperty() {
        return eta;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    /// The engine's operator message when the transfer failed.
    public StringProperty problemProperty() {
        return problem;
    }
}
