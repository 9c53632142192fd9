package dev.rackside.app.feature.s3;

import dev.rackside.app.fx.Background;
import dev.rackside.app.fx.Messages;
import dev.rackside.app.fx.Notifier;
import dev.rackside.s3.Encryption;
import dev.rackside.s3.SafePaths;
import dev.rackside.s3.Transfer;
import dev.rackside.s3.TransferListener;
import dev.rackside.s3.TransferQueue;
import dev.rackside.s3.TransferRequest;
import dev.rackside.s3.TransferState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/// Uploads and downloads of every endpoint, one row per file, with totals.
///
/// The engine reports progress on its own thread every few hundred milliseconds; those reports
/// are parked in a map (latest per transfer wins) and drained in one batch on the UI thread, so
/// the UI sees at most one posted runnable at a time however many files move.
public final class TransfersViewModel {
    private final Background background;
    private final Notifier notifier;
    private final Consumer<Runnable> ui;
    private final Messages text = Messages.of(TransfersViewModel.class);
    private final ObservableList<TransferRow> rows =
            FXCollections.observableArrayList(r -> new Observable[] {r.stateProperty()});
    private final Map<String, TransferRow> byId = new HashMap<>();
    private final List<TransferRow> arrived = new ArrayList<>();
    private final Map<S3Session, TransferListener> attached = new HashMap<>();
    private final ParkedUpdates updates;
    private final TransferTotals totals = new TransferTotals();
    /// Told when every file of an upload batch has finished.
    interface Uploaded {
        void uploaded(S3Session s, String bucket, String prefix);
    }

    private Uploaded onUploaded = (s, b, p) -> { };

    TransfersViewModel(ObservableList<S3Session> sessions, Background background, Notifier notifier, Consumer<Runnable> ui) {
        this.background = background;
        this.notifier = notifier;
        this.ui = ui;
        this.updates = new ParkedUpdates(ui, this::apply, () -> {
            showArrived();
            recomputeTotals();
        });
        sessions.forEach(this::attach);
        sessions.addListener((ListChangeListener<S3Session>) c -> {
            while (c.next()) {
                c.getRemoved().forEach(this::detach);
                c.getAddedSubList().forEach(this::attach);
            }
        });
    }

    /// Newest first.
    public ObservableList<TransferRow> rows() {
        return rows;
    }

    /// Bytes done over bytes to do, 0..1.
    public ReadOnlyDoubleProperty totalProgressProperty() {
        return totals.progress();
    }

    /// Bytes per second over all running transfers.
    public ReadOnlyDoubleProperty totalRateProperty() {
        return totals.rate();
    }

    /// Remaining time at the current rate; null when nothing runs.
    public ReadOnlyObjectProperty<Duration> totalEtaProperty() {
        return totals.eta();
    }

    /// Transfers queued or running.
    public ReadOnlyIntegerProperty activeProperty() {
        return totals.active();
    }

    /// Called on the UI thread when every file of an upload batch has finished (for a refresh).
    void setOnUploaded(Uploaded onUploaded) {
        this.onUploaded = onUploaded;
    }

    /// Uploads files and folders into `bucket` under `prefix`; a folder keeps its structure,
    /// its own name becoming the first key segment (as a file manager's copy would).
    public void upload(S3Session s, String bucket, String prefix, List<Path> paths) {
        if (s.missingClientKey()) {
            // Never in clear instead: the operator chose encryption on this computer for this endpoint.
            notifier.warning(text.get("transfers.noClientKey", s.name()));
            return;
        }
        Encryption sse = s.encryption().serverSide();
        background.submit(() -> {
            TransferQueue q = s.engine().transfers();
            List<Transfer> out = new ArrayList<>();
            for (Path p : paths) {
                String name = p.getFileName().toString();
                if (Files.isDirectory(p)) {
                    out.addAll(q.uploadFolder(p, bucket, prefix + name + "/", sse, s.uploadKey()));
                } else {
                    out.add(q.submit(new TransferRequest.Upload(p, bucket, prefix + name, sse, s.uploadKey())));
                }
            }
            return out;
        }, (List<Transfer> started) -> {
            add(s, started);
            whenAllDone(started, () -> onUploaded.uploaded(s, bucket, prefix));
        }, failure -> Failures.report(notifier, text, failure));
    }

    /// Downloads objects and folders (everything under them) into `folder`.
    public void download(S3Session s, String bucket, List<ObjectRow> objects, Path folder) {
        background.submit(() -> {
            TransferQueue q = s.engine().transfers();
            List<Transfer> out = new ArrayList<>();
            for (ObjectRow o : objects) {
                // SafePaths refuses names that would escape the folder ("..", "C:", …)
                Path target = SafePaths.resolve(folder, o.baseName());
                // The endpoint's client-side key opens the objects it encrypted; others download as they are.
                if (o.isFolder()) {
                    out.addAll(q.downloadFolder(s.engine(), bucket, o.key(), target, Encryption.none(), s.clientKey()));
                } else {
                    out.add(q.submit(new TransferRequest.Download(bucket, o.key(), target, Encryption.none(), s.clientKey())));
                }
            }
            return out;
        }, (List<Transfer> started) -> {
            add(s, started);
            whenAllDone(started, () -> {
                long ok = started.stream().filter(t -> t.state() == TransferState.COMPLETED).count();
                notifier.info(text.get("transfers.downloaded", ok, folder.toString()));
            });
        }, failure -> Failures.report(notifier, text, failure));
    }

    public void pause(TransferRow row) {
        pause(List.of(row));
    }

    public void resume(TransferRow row) {
        resume(List.of(row));
    }

    public void cancel(TransferRow row) {
        cancel(List.of(row));
    }

    /// Pauses the rows, with one recount of the totals (a folder's rows are thousands).
    public void pause(List<TransferRow> rows) {
        each(rows, r -> r.transfer().pause());
    }

    /// Resumes paused rows and retries failed ones. A cancelled row is started again only when it is
    /// the one row chosen: selecting everything and resuming must not undo the operator's cancels.
    public void resume(List<TransferRow> rows) {
        each(rows, r -> {
            TransferState st = r.stateProperty().get();
            if (st == TransferState.PAUSED) {
                r.transfer().resume();
            } else if (st == TransferState.FAILED || st == TransferState.CANCELLED && rows.size() == 1) {
                r.transfer().retry();
                if (rows.size() == 1 && r.transfer().state() == st) {
                    // Refused: a continuation of another tool's upload that did not match its file, or a
                    // newer transfer has the file.
                    notifier.info(r.transfer().retryable() ? text.get("transfers.superseded", r.object())
                            : text.get("transfers.notRetryable", r.object()));
                }
            }
        });
    }

    public void cancel(List<TransferRow> rows) {
        each(rows, r -> r.transfer().cancel());
    }

    private void each(List<TransferRow> chosen, Consumer<TransferRow> action) {
        for (TransferRow r : chosen) {
            action.accept(r);
            r.update(r.transfer().progress());
        }
        recomputeTotals();
    }

    /// Removes completed and cancelled transfers from the list (failed ones stay to be retried, but
    /// for those that cannot be).
    public void clearFinished() {
        removeRows(r -> isHistory(r.stateProperty().get())
                || r.stateProperty().get() == TransferState.FAILED && !r.transfer().retryable());
    }

    /// Completed and cancelled transfers: nothing is left to do for them, by the queue or the operator.
    private static boolean isHistory(TransferState st) {
        return st == TransferState.COMPLETED || st == TransferState.CANCELLED;
    }

    private void removeRows(java.util.function.Predicate<TransferRow> which) {
        // One change for the table, not one per row (removeIf removes them one by one: quadratic).
        Set<TransferRow> gone = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        rows.stream().filter(which).forEach(gone::add);
        if (!gone.isEmpty()) {
            gone.forEach(r -> byId.remove(r.id()));
            rows.removeAll(gone);
        }
        recomputeTotals();
    }

    /// Stops listening to the engines (the app is closing).
    public void close() {
        List.copyOf(attached.keySet()).forEach(this::detach);
    }

    private void attach(S3Session s) {
        if (attached.containsKey(s)) {
            return;
        }
        TransferListener listener = updates.listenerFor(s);
        attached.put(s, listener);
        TransferQueue q = s.engine().transfers();
        q.addListener(listener);
        List<Transfer> known = q.transfers();
        add(s, known);
        restoreUnfinished(s, known);
    }

    /// Lists what the journal holds from an earlier run, paused: the operator decides to resume.
    private void restoreUnfinished(S3Session s, List<Transfer> known) {
        Set<String> running = new HashSet<>();
        known.forEach(t -> running.add(t.id()));
        background.submit(() -> {
            List<Transfer> restored = new ArrayList<>();
            // An endpoint that encrypts now resumes even an upload begun in clear encrypted (it starts over).
            for (Transfer t : s.engine().transfers().restoreUnfinished(s.clientKey(), s.encryption().clientSide())) {
                if (!running.contains(t.id())) {
                    restored.add(t); // paused from the start: nothing moves before the operator resumes it
                }
            }
            return restored;
        }, (List<Transfer> restored) -> {
            add(s, restored);
            if (!restored.isEmpty()) {
                notifier.info(text.get("transfers.restored", restored.size(), s.name()));
            }
        }, failure -> Failures.report(notifier, text, failure));
    }

    private void detach(S3Session s) {
        TransferListener l = attached.remove(s);
        if (l != null) {
            s.engine().transfers().removeListener(l);
        }
        // Rows that could still go on (queued, running, paused, failed) belong to an engine that is going
        // away; the journal keeps them, and when the endpoint comes back (edited) its new engine restores
        // them as rows it can pause, resume and retry. Completed and cancelled rows stay as history.
        removeRows(r -> r.session() == s && !isHistory(r.stateProperty().get()));
    }

    /// UI thread, one parked update of a drained batch ([ParkedUpdates] recomputes the totals after it).
    private void apply(ParkedUpdates.Update u) {
        String id = u.progress().id();
        TransferRow row = byId.get(id);
        if (row == null) {
            row = u.session().engine().transfers().transfer(id).map(t -> addRow(u.session(), t)).orElse(null);
        }
        if (row == null) {
            return;
        }
        if (u.error() != null) {
            row.fail(u.progress(), u.error().getMessage());
        } else {
            // The transfer's state now, not the parked snapshot: a pause (or a restore's pause) may have
            // come after the event that was parked, and an older snapshot must not undo it.
            row.update(row.transfer().progress());
        }
    }

    private void add(S3Session s, List<Transfer> transfers) {
        transfers.forEach(t -> addRow(s, t));
        showArrived();
        recomputeTotals();
    }

    /// A new row waits in `arrived` until [#showArrived()]: a dropped folder's thousands of rows then
    /// reach the list (and the table) in one change, not one shift of the whole list each.
    private TransferRow addRow(S3Session s, Transfer t) {
        TransferRow row = byId.get(t.id());
        if (row == null) {
            row = new TransferRow(s, t);
            byId.put(t.id(), row);
            arrived.add(row);
        } else {
            row.update(t.progress());
        }
        return row;
    }

    private void showArrived() {
        if (!arrived.isEmpty()) {
            List<TransferRow> batch = new ArrayList<>(arrived.reversed());
            arrived.clear();
            // One row per file: a newer transfer of a file takes the place of its earlier row, which
            // is finished or failed (only the newest transfer of a file may run, so it could not be retried).
            Set<String> files = new HashSet<>();
            List<TransferRow> newestFirst = new ArrayList<>(batch.size());
            for (TransferRow r : batch) { // also within the batch (an engine's history listed at once)
                if (files.add(r.fileKey()) || !r.stateProperty().get().finished()) {
                    newestFirst.add(r);
                } else {
                    byId.remove(r.id());
                }
            }
            if (!rows.isEmpty()) {
                removeRows(r -> r.stateProperty().get().finished() && files.contains(r.fileKey()));
            }
            rows.addAll(0, newestFirst);
        }
    }

    /// Runs `then` on the UI thread once every transfer has completed, failed or been cancelled.
    private void whenAllDone(List<Transfer> transfers, Runnable then) {
        CompletableFuture.allOf(transfers.stream().map(t -> t.completion().exceptionally(e -> null))
                .toArray(CompletableFuture[]::new)).thenRun(() -> ui.accept(then));
    }

    private void recomputeTotals() {
        totals.recompute(rows);
    }
}
