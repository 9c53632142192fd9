package dev.rackside.app.feature.s3;

import dev.rackside.app.fx.Background;
import dev.rackside.app.fx.Messages;
import dev.rackside.app.fx.Notifier;
import dev.rackside.s3.DeleteResult;
import dev.rackside.s3.ObjectMetadata;
import dev.rackside.s3.ObjectVersion;
import dev.rackside.s3.S3Engine;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/// What the operator can do with the selected objects: download, delete, copy, move, rename,
/// share a presigned download or upload link, look at versions (and restore one) and metadata. Every call to the engine runs in the
/// background; failures reach the [Notifier] with the engine's operator message.
public final class ObjectActions {

    /// Stands for the file in a copied upload command. Quoted, so that a shell (bash, cmd,
    /// PowerShell) pasted it unchanged reads no redirection from it and curl finds no such file.
    static final String FILE_PLACEHOLDER = "\"<file>\"";
    private final S3BrowserViewModel browser;
    private final Background background;
    private final Notifier notifier;
    private final TransfersViewModel transfers;
    private final Messages text = Messages.of(ObjectActions.class);

    ObjectActions(S3BrowserViewModel browser, Background background, Notifier notifier, TransfersViewModel transfers) {
        this.browser = browser;
        this.background = background;
        this.notifier = notifier;
        this.transfers = transfers;
    }

    /// Downloads the selection into a folder the operator picks; asks first when that would
    /// overwrite files already there.
    public void download(List<ObjectRow> rows, FolderPicker picker, S3Prompts prompts) {
        S3Session s = browser.sessionProperty().get();
        String bucket = browser.bucketProperty().get();
        if (s == null || rows.isEmpty()) {
            return;
        }
        List<String> twice = Conflicts.sameName(rows);
        if (!twice.isEmpty()) {
            // Search results come from several folders: two of them would land on one file.
            notifier.warning(text.get("download.sameName", String.join(", ", twice)));
            return;
        }
        picker.pickFolder(text.get("download.title")).ifPresent(folder -> background.submit(
                () -> Conflicts.local(folder, rows), (List<String> taken) -> {
                    if (taken.isEmpty() || prompts.confirmReplaceFiles(folder.toString(), taken)) {
                        transfers.download(s, bucket, rows, folder);
                    }
                }, failure -> Failures.report(notifier, text, failure)));
    }

    /// Uploads files and folders into `prefix` of the bucket shown (a drop, or the file choosers);
    /// asks first when objects of those names are there already.
    public void upload(List<Path> paths, String prefix, S3Prompts prompts) {
        S3Session s = browser.sessionProperty().get();
        String bucket = browser.bucketProperty().get();
        if (s == null || bucket == null || paths.isEmpty()) {
            return;
        }
        background.submit(() -> Conflicts.remote(s.engine(), bucket, prefix, paths), (List<String> taken) -> {
            if (taken.isEmpty() || prompts.confirmReplaceObjects(bucket + "/" + prefix, taken)) {
                transfers.upload(s, bucket, prefix, paths);
            }
        }, failure -> Failures.report(notifier, text, failure));
    }

    /// Deletes objects, and folders with everything under them, once the operator confirmed.
    public void delete(List<ObjectRow> rows, S3Prompts prompts) {
        S3Session s = browser.sessionProperty().get();
        String bucket = browser.bucketProperty().get();
        if (s == null || rows.isEmpty() || !prompts.confirmDelete(rows.stream().map(ObjectRow::name).toList())) {
            return;
        }
        background.submit(() -> {
            S3Engine e = s.engine();
            List<String> keys = new ArrayList<>();
            List<String> failed = new ArrayList<>();
            for (ObjectRow r : rows) {
                if (r.isFolder()) {
                    failed.addAll(e.deletePrefix(bucket, r.key()).failed().values());
                } else {
                    keys.add(r.key());
                }
            }
            if (!keys.isEmpty()) {
                DeleteResult result = e.delete(bucket, keys);
                result.failed().forEach((k, why) -> failed.add(k + ": " + why));
            }
            return failed;
        }, (List<String> failed) -> {
            if (failed.isEmpty()) {
                notifier.info(text.get("delete.done", rows.size()));
            } else {
                notifier.warning(text.get("delete.partly", failed.size(), String.join("; ", failed.stream().limit(3).toList())));
            }
            browser.reload();
        }, failure -> Failures.report(notifier, text, failure));
    }

    /// Copies, moves or renames one object, or a whole folder, to where the operator says; all of it
    /// server-side, so nothing passes through this machine. Asks first when the target is taken.
    public void transfer(ObjectRow row, S3Prompts.TargetKind kind, S3Prompts prompts) {
        S3Session s = browser.sessionProperty().get();
        String bucket = browser.bucketProperty().get();
        if (s == null || row == null) {
            return;
        }
        prompts.askTarget(kind, bucket, row.key(), browser.buckets(s))
                .map(t -> row.isFolder() && !t.key().endsWith("/") ? new S3Prompts.Target(t.bucket(), t.key() + "/") : t)
                .filter(t -> !t.key().isBlank() && !(t.bucket().equals(bucket) && t.key().equals(row.key())))
                .ifPresent(target -> background.submit(() -> Conflicts.taken(s.engine(), target, row.isFolder()), taken -> {
                    if (!taken || prompts.confirmReplaceObjects(parentOf(target), List.of(nameOf(target.key())))) {
                        run(s, bucket, row, kind, target);
                    }
                }, failure -> Failures.report(notifier, text, failure)));
    }

    /// Copies or moves several items into one folder the operator names (see [CopyMany]); one item
    /// goes through [#transfer], which also offers a new name.
    public void transfer(List<ObjectRow> rows, S3Prompts.TargetKind kind, S3Prompts prompts) {
        if (rows.size() == 1) {
            transfer(rows.getFirst(), kind, prompts);
        } else {
            new CopyMany(browser, background, notifier, text).run(rows, kind, prompts);
        }
    }

    private void run(S3Session s, String bucket, ObjectRow row, S3Prompts.TargetKind kind, S3Prompts.Target target) {
        if (row.isFolder()) {
            notifier.info(text.get("transfer.folder.started." + kind.name(), row.key(), target.bucket() + "/" + target.key()));
        }
        background.submit(() -> row.isFolder() ? transferFolder(s, bucket, row.key(), kind, target)
                : transferObject(s, bucket, row.key(), kind, target), count -> {
            notifier.info(row.isFolder()
                    ? text.get("transfer.folder.done." + kind.name(), row.key(), target.bucket() + "/" + target.key(), count)
                    : text.get("transfer.done." + kind.name(), row.key(), target.bucket() + "/" + target.key()));
            browser.reload();
        }, failure -> {
            Failures.report(notifier, text, failure);
            browser.reload(); // a folder may have moved part-way: show where things are now
        });
    }

    /// "bucket/folder/" of a target key (a folder's key ends with "/", which is not its parent).
    private static String parentOf(S3Prompts.Target t) {
        String k = t.key().endsWith("/") ? t.key().substring(0, t.key().length() - 1) : t.key();
        return t.bucket() + "/" + k.substring(0, k.lastIndexOf('/') + 1);
    }

    private static String nameOf(String key) {
        String k = key.endsWith("/") ? key.substring(0, key.length() - 1) : key;
        return k.substring(k.lastIndexOf('/') + 1) + (key.endsWith("/") ? "/" : "");
    }

    private static long transferObject(S3Session s, String bucket, String key, S3Prompts.TargetKind kind, S3Prompts.Target target) {
        switch (kind) {
            case COPY -> s.engine().copy(bucket, key, target.bucket(), target.key());
            case MOVE -> s.engine().move(bucket, key, target.bucket(), target.key());
            case RENAME -> s.engine().rename(bucket, key, target.key());
        }
        return 1;
    }

    private static long transferFolder(S3Session s, String bucket, String prefix, S3Prompts.TargetKind kind, S3Prompts.Target target) {
        return kind == S3Prompts.TargetKind.COPY
                ? s.engine().copyFolder(bucket, prefix, target.bucket(), target.key(), k -> { })
                : s.engine().moveFolder(bucket, prefix, kind == S3Prompts.TargetKind.RENAME ? bucket : target.bucket(), target.key(), k -> { });
    }

    /// Makes a presigned GET link valid for the chosen time and hands it to `copy` (the clipboard).
    public void shareLink(ObjectRow row, S3Prompts prompts, Consumer<String> copy) {
        S3Session s = browser.sessionProperty().get();
        String bucket = browser.bucketProperty().get();
        if (s == null || row == null || row.isFolder()) {
            return;
        }
        prompts.askLinkExpiry(row.key()).ifPresent(expiry -> background.submit(
                () -> s.engine().presignGet(bucket, row.key(), expiry).toString(), url -> {
                    copy.accept(url);
                    notifier.info(text.get("link.copied", row.name(), Instant.now().plus(expiry).toString()));
                }, failure -> Failures.report(notifier, text, failure)));
    }

    /// Makes a presigned PUT link for a key the operator types (under the current folder by
    /// default) and hands it to `copy`: whoever holds it can upload one object there until it expires.
    public void uploadLink(ObjectRow selected, S3Prompts prompts, Consumer<String> copy) {
        S3Session s = browser.sessionProperty().get();
        String bucket = browser.bucketProperty().get();
        if (s == null || bucket == null) {
            return;
        }
        String prefix = selected != null && selected.isFolder() ? selected.key() : browser.prefixProperty().get();
        prompts.askUploadLink(bucket, prefix).filter(l -> !l.key().isBlank() && !l.key().endsWith("/")).ifPresent(l ->
                background.submit(() -> s.engine().presignPut(bucket, l.key(), l.expiry(), s.encryption().serverSide()), link -> {
                    String expires = Instant.now().plus(l.expiry()).toString();
                    String copied;
                    if (link.headers().isEmpty()) {
                        copy.accept(link.url().toString());
                        copied = text.get("uploadLink.copied", l.key(), expires);
                    } else {
                        // An SSE endpoint's link is refused without its signed headers, so a bare URL
                        // handed on would only earn a 403: the clipboard gets a command that sends them.
                        copy.accept(link.curlCommand(FILE_PLACEHOLDER));
                        copied = text.get("uploadLink.commandCopied", l.key(), expires, link.curlHeaders().strip());
                    }
                    // Whoever uses the link sends the file as it is: Rackside cannot encrypt it on their computer.
                    notifier.info(s.encryption().clientSide() ? copied + " " + text.get("uploadLink.notEncrypted") : copied);
                }, failure -> Failures.report(notifier, text, failure)));
    }

    /// Makes `version` the current one again (a new version, copied from it) once the operator
    /// confirmed; `restored` runs afterwards, to list the versions again.
    public void restoreVersion(ObjectVersion version, S3Prompts prompts, Runnable restored) {
        S3Session s = browser.sessionProperty().get();
        String bucket = browser.bucketProperty().get();
        if (s == null || version == null || version.deleteMarker() || version.latest()
                || !prompts.confirmRestore(version.key(), version)) {
            return;
        }
        background.submit(() -> {
            s.engine().restoreVersion(bucket, version.key(), version.versionId());
            return version;
        }, v -> {
            notifier.info(text.get("versions.restored", v.key(), v.versionId()));
            browser.reload();
            restored.run();
        }, failure -> Failures.report(notifier, text, failure));
    }

    /// Every version (and delete marker) of the object's key.
    public void versions(ObjectRow row, Consumer<List<ObjectVersion>> show) {
        S3Session s = browser.sessionProperty().get();
        String bucket = browser.bucketProperty().get();
        if (s == null || row == null) {
            return;
        }
        background.submit(() -> s.engine().versions(bucket, row.key()).filter(v -> v.key().equals(row.key())).limit(1000).toList(),
                show::accept, failure -> Failures.report(notifier, text, failure));
    }

    /// The editable properties of one object (not a folder), or null; call `load()` on it.
    public ObjectPropertiesViewModel properties(ObjectRow row) {
        S3Session s = browser.sessionProperty().get();
        String bucket = browser.bucketProperty().get();
        if (s == null || row == null || row.isFolder()) {
            return null;
        }
        return new ObjectPropertiesViewModel(s, bucket, row.key(), background, notifier);
    }

    /// What a HEAD tells: size, type, user metadata, encryption, Rackside's checksum.
    public void metadata(ObjectRow row, Consumer<ObjectMetadata> show) {
        S3Session s = browser.sessionProperty().get();
        String bucket = browser.bucketProperty().get();
        if (s == null || row == null || row.isFolder()) {
            return;
        }
        background.submit(() -> s.engine().head(bucket, row.key()), meta -> {
            browser.checksumLearned(s, bucket, row, ChecksumState.of(meta));
            show.accept(meta);
        }, failure -> Failures.report(notifier, text, failure));
    }

    /// Longest presigned link SigV4 allows.
    public static final Duration MAX_LINK = Duration.ofDays(7);
}
