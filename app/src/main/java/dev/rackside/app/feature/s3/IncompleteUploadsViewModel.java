package dev.rackside.app.feature.s3;

import dev.rackside.app.fx.Background;
import dev.rackside.app.fx.Messages;
import dev.rackside.app.fx.Notifier;
import dev.rackside.s3.IncompleteUpload;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
        background.submit(() -> session.engine().incompleteUploads(bucket, ""), (List<IncompleteUpload> list) -> {
            loading.set(false);
            uploads.setAll(list.stream().sorted(Comparator.comparing(IncompleteUpload::initiated,
                    Comparator.nullsLast(Comparator.naturalOrder()))).toList());
        }, failure -> {
            loading.set(false);
            Failures.report(notifier, text, failure);
        });
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
