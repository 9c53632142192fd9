package dev.rackside.app.feature.s3;

import dev.rackside.app.fx.Background;
import dev.rackside.app.fx.Messages;
import dev.rackside.app.fx.Notifier;
import dev.rackside.s3.S3Engine;
import dev.rackside.s3.S3EngineException;
import java.util.ArrayList;
import java.util.List;

/// A copy or move of several selected objects and folders into one folder, all of it server-side:
/// each keeps its name there. Asks before replacing what has those names already, and refuses a
/// selection in which two items would land on one name (search results from different folders).
final class CopyMany {
    private record Outcome(int done, List<String> failed) {
    }

    private final S3BrowserViewModel browser;
    private final Background background;
    private final Notifier notifier;
    private final Messages text;

    CopyMany(S3BrowserViewModel browser, Background background, Notifier notifier, Messages text) {
        this.browser = browser;
        this.background = background;
        this.notifier = notifier;
        this.text = text;
    }

    void run(List<ObjectRow> rows, S3Prompts.TargetKind kind, S3Prompts prompts) {
        S3Session s = browser.sessionProperty().get();
        String bucket = browser.bucketProperty().get();
        if (s == null || bucket == null || rows.isEmpty()) {
            return;
        }
        List<String> twice = Conflicts.sameKey(rows);
        if (!twice.isEmpty()) {
            notifier.warning(text.get("transfer.many.sameName", String.join(", ", twice)));
            return;
        }
        prompts.askFolderTarget(kind, bucket, browser.prefixProperty().get(), rows.size(), browser.buckets(s))
                .map(t -> new S3Prompts.Target(t.bucket(), t.key().isEmpty() || t.key().endsWith("/") ? t.key() : t.key() + "/"))
                .ifPresent(target -> {
                    // Left alone: items already where they would go, the target folder itself if it is selected
                    // too, and a console's marker object of a folder (it has no name of its own).
                    List<ObjectRow> moving = rows.stream().filter(r -> !r.baseName().isEmpty()
                            && !(target.bucket().equals(bucket) && (r.key().equals(target.key())
                            || (target.key() + Conflicts.Named.of(r).entry()).equals(r.key())))).toList();
                    if (moving.isEmpty()) {
                        notifier.info(text.get("transfer.many.nothing", target.bucket() + "/" + target.key()));
                        return;
                    }
                    List<Conflicts.Named> names = moving.stream().map(Conflicts.Named::of).toList();
                    background.submit(() -> Conflicts.named(s.engine(), target.bucket(), target.key(), names), (List<String> taken) -> {
                        if (taken.isEmpty() || prompts.confirmReplaceObjects(target.bucket() + "/" + target.key(), taken)) {
                            go(s, bucket, moving, kind, target);
                        }
                    }, failure -> Failures.report(notifier, text, failure));
                });
    }

    private void go(S3Session s, String bucket, List<ObjectRow> rows, S3Prompts.TargetKind kind, S3Prompts.Target target) {
        String where = target.bucket() + "/" + target.key();
        background.submit(() -> {
            S3Engine e = s.engine();
            int done = 0;
            List<String> failed = new ArrayList<>();
            for (ObjectRow r : rows) {
                String to = target.key() + r.baseName();
                try {
                    if (r.isFolder() && kind == S3Prompts.TargetKind.COPY) {
                        e.copyFolder(bucket, r.key(), target.bucket(), to + "/", k -> { });
                    } else if (r.isFolder()) {
                        e.moveFolder(bucket, r.key(), target.bucket(), to + "/", k -> { });
                    } else if (kind == S3Prompts.TargetKind.COPY) {
                        e.copy(bucket, r.key(), target.bucket(), to);
                    } else {
                        e.move(bucket, r.key(), target.bucket(), to);
                    }
                    done++;
                } catch (S3EngineException x) { // the others still go: one refusal must not stop the rest
                    failed.add(r.name() + ": " + x.getMessage());
                }
            }
            return new Outcome(done, failed);
        }, (Outcome o) -> {
            if (o.failed().isEmpty()) {
                notifier.info(text.get("transfer.many.done." + kind.name(), o.done(), where));
            } else {
                notifier.warning(text.get("transfer.many.partly", o.failed().size(), String.join("; ", o.failed().stream().limit(3).toList()),
                        o.done()));
            }
            browser.reload();
        }, failure -> {
            Failures.report(notifier, text, failure);
            browser.reload();
        });
    }
}
