package dev.rackside.s3.cli;

import dev.rackside.s3.DeleteResult;
import dev.rackside.s3.S3Engine;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/// `rm s3://bucket/key [--recursive]`, with aws-cli's `--exclude`/`--include`, `--dryrun` and
/// `--quiet`. `--recursive` takes the key as a folder: `rm s3://b/site --recursive` deletes
/// `site/…`, never `site-backup/…`.
final class RemoveCommand {
    private static final int BATCH = 1000;
    private final RacksideS3 root;
    private final String target;
    private final Flags flags;
    private final PrintWriter report;

    RemoveCommand(RacksideS3 root, String target, Flags flags) {
        this.root = root;
        this.target = target;
        this.flags = flags;
        this.report = flags.report(root.out);
    }

    void run() {
        S3Uri uri = S3Uri.parse(target);
        try (S3Engine s3 = root.open()) {
            List<String> deleted = new ArrayList<>();
            Map<String, String> failed = new HashMap<>();
            if (!flags.recursive()) {
                if (flags.filters().test(uri.name())) {
                    delete(s3, uri.bucket(), List.of(uri.key()), deleted, failed);
                }
            } else if (flags.filters().isEmpty() && !flags.dryRun()) {
                DeleteResult r = s3.deletePrefix(uri.bucket(), uri.asPrefix());
                deleted.addAll(r.deleted());
                failed.putAll(r.failed());
            } else {
                String prefix = uri.asPrefix();
                List<String> batch = new ArrayList<>(BATCH);
                s3.objects(uri.bucket(), prefix).filter(o -> flags.filters().test(o.key().substring(prefix.length())))
                        .forEach(o -> {
                            batch.add(o.key());
                            if (batch.size() == BATCH) {
                                delete(s3, uri.bucket(), List.copyOf(batch), deleted, failed);
                                batch.clear();
                            }
                        });
                delete(s3, uri.bucket(), batch, deleted, failed);
            }
            deleted.forEach(k -> report.println(flags.line("delete: s3://" + uri.bucket() + "/" + k)));
            failed.forEach((k, why) -> root.err.println("delete failed: s3://" + uri.bucket() + "/" + k + ": " + why));
            if (!failed.isEmpty()) {
                throw new IllegalArgumentException(failed.size() + " object(s) could not be deleted");
            }
        } finally {
            report.flush();
            root.err.flush();
        }
    }

    // Under --dryrun every selected key counts as deleted and nothing is sent.
    private void delete(S3Engine s3, String bucket, List<String> keys, List<String> deleted, Map<String, String> failed) {
        if (keys.isEmpty()) {
            return;
        }
        if (flags.dryRun()) {
            deleted.addAll(keys);
            return;
        }
        DeleteResult r = s3.delete(bucket, keys);
        deleted.addAll(r.deleted());
        failed.putAll(r.failed());
    }
}
