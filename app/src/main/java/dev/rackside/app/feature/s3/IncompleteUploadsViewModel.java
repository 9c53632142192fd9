package dev.rackside.app.feature.s3;

import dev.rackside.app.fx.Background;
import dev.rackside.app.fx.Messages;
import dev.rackside.app.fx.Notifier;
import dev.rackside.s3.IncompleteUpload;
import dev.rackside.s3.Transfer;
import dev.rackside.s3.TransferRequest;
import dev.rackside.s3.TransferState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/// A bucket's multipart uploads that were started and never completed nor aborted (a crashed tool,
/// a cancelled backup): their parts use storage until they are aborted.
public final class IncompleteUploadsViewModel {
    private final S3Session session;
    private final String bucket;
    private final Background background;
    private final Notifier notifier;
    private final Messages text = Messages.of(IncompleteUploadsViewModel.class);
    private final ObservableList<IncompleteUpload> uploads = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    // By upload id: the paused or failed transfer of this computer that began the upload.
    private Map<String, Transfer> here = Map.of();
    // Every upload id the journal holds, in any state (running here, or waiting for its key).
    private java.util.Set<String> known = java.util.Set.of();

    private record Listed(List<IncompleteUpload> uploads, Map<String, Transfer> here, java.util.Set<String> known) {
    }

    public IncompleteUploadsViewModel(S3Session session, String bucket, Background background, Notifier notifier) {
        this.session = session;
        this.bucket = bucket;
        this.background = background;
        this.notifier = notifier;
    }

    public String bucket() {
        return bucket;
    }

    /// Oldest first: the oldest are the likeliest to be abandoned.
    public ObservableList<IncompleteUpload> uploads() {
        return uploads;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /// Lists the bucket's incomplete uploads again.
    public void refresh() {
        loading.set(true);
        background.submit(() -> new Listed(session.engine().incompleteUploads(bucket, ""), ours(),
                session.engine().transfers().journalledUploadIds()), (Listed listed) -> {
            loading.set(false);
            here = listed.here();
            known = listed.known();
            uploads.setAll(listed.uploads().stream().sorted(Comparator.comparing(IncompleteUpload::initiated,
                    Comparator.nullsLast(Comparator.naturalOrder()))).toList());
        }, failure -> {
            loading.set(false);
            Failures.report(notifier, text, failure);
        });
    }

    /// This computer's paused or failed uploads into the bucket, by the id of the upload they began
    /// (from the journal; runs in the background).
    private Map<String, Transfer> ours() {
        var queue = session.engine().transfers();
        Map<String, Transfer> out = new HashMap<>();
        // The newest transfer of each file only: an older failed one was taken over by a newer submit.
        Map<String, Transfer> newest = new java.util.LinkedHashMap<>();
        for (Transfer t : queue.transfers()) {
            if (t.request() instanceof TransferRequest.Upload up && up.bucket().equals(bucket)) {
                newest.put(up.key() + '\n' + up.local(), t);
            }
        }
        for (Transfer t : newest.values()) {
            if (t.state() == TransferState.PAUSED || t.state() == TransferState.FAILED) {
                queue.uploadId(t).ifPresent(id -> out.put(id, t));
            }
        }
        return out;
    }

    /// The transfer of this computer that can go on with `u` (paused or failed here), if any.
    public Optional<Transfer> resumable(IncompleteUpload u) {
        return u == null ? Optional.empty() : Optional.ofNullable(here.get(u.uploadId()));
    }

    /// Resumes (or retries) the chosen uploads that this computer began; they go on in the transfers
    /// panel from the parts already stored. Others are left alone: only their own tool knows their file.
    public void resume(List<IncompleteUpload> chosen) {
        int started = 0;
        for (Transfer t : chosen.stream().map(this::resumable).flatMap(Optional::stream).toList()) {
            TransferState before = t.state();
            if (before == TransferState.PAUSED) {
                t.resume();
            } else {
                t.retry();
            }
            started += t.state() != before ? 1 : 0; // a retry refused (another transfer has the file) is not news
        }
        if (started > 0) {
            notifier.info(text.get("uploads.resumed", started));
        }
        here = Map.of(); // until the next listing: they run now
        uploads.setAll(List.copyOf(uploads)); // redraws the "on this computer" cells and the Resume button
        refresh();
    }

    /// Whether `u` was begun by another tool or computer (this computer's journal does not hold it)
    /// and could be continued from its file with [#continueFrom].
    public boolean foreign(IncompleteUpload u) {
        return u != null && resumable(u).isEmpty() && !known.contains(u.uploadId());
    }

    /// Continues `u`, which another tool or computer began, from `file`, the one it was begun from:
    /// a transfer checks every stored part against the file before sending the missing ones, and
    /// fails (leaving the upload as it was) if one does not match. Refused where uploads are encrypted
    /// on this computer, since the stored parts are not.
    public void continueFrom(IncompleteUpload u, Path file) {
        if (session.encryption().clientSide()) {
            notifier.warning(text.get("uploads.adopt.encrypted"));
            return;
        }
        background.submit(() -> session.engine().transfers().adopt(bucket, u, file),
                (Transfer t) -> notifier.info(text.get("uploads.adopting", u.key(), file.getFileName())),
                failure -> Failures.report(notifier, text, failure));
    }

    /// Aborts the chosen uploads once the operator confirmed, then lists again.
    public void abort(List<IncompleteUpload> chosen, S3Prompts prompts) {
        List<IncompleteUpload> picked = List.copyOf(chosen);
        if (picked.isEmpty() || !prompts.confirmAbort(picked.stream().map(IncompleteUpload::key).toList())) {
            return;
        }
        background.submit(() -> {
            List<String> failed = new ArrayList<>();
            for (IncompleteUpload u : picked) {
                try {
                    session.engine().abortUpload(bucket, u.key(), u.uploadId());
                } catch (dev.rackside.s3.S3EngineException e) {
                    failed.add(u.key() + ": " + e.getMessage());
                }
            }
            return failed;
        }, (List<String> failed) -> {
            if (failed.isEmpty()) {
                notifier.info(text.get("uploads.aborted", picked.size(), bucket));
            } else {
                notifier.warning(text.get("uploads.abortedPartly", failed.size(), String.join("; ", failed.stream().limit(3).toList())));
            }
            refresh();
        }, failure -> Failures.report(notifier, text, failure));
    }

    /// How long ago an upload started, roughly: "3 d 4 h", "5 h 10 min", "12 min".
    public String age(IncompleteUpload u, Instant now) {
        if (u.initiated() == null) {
            return "";
        }
        Duration d = Duration.between(u.initiated(), now);
        if (d.isNegative()) {
            d = Duration.ZERO;
        }
        if (d.toDays() > 0) {
            return text.get("age.days", d.toDays(), d.toHoursPart());
        }
        if (d.toHours() > 0) {
            return text.get("age.hours", d.toHours(), d.toMinutesPart());
        }
        return text.get("age.minutes", d.toMinutes());
    }
}
