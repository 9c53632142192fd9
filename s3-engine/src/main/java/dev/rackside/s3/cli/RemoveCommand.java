package dev.rackside.s3.cli;

import dev.rackside.s3.S3Engine;

import java.io.PrintWriter;

/// `rm s3://bucket/key [--recursive]`, with aws-cli's `--exclude`/`--include`, `--dryrun` and
/// `--quiet`. `--recursive` takes the key as a folder: `rm s3://b/site --recursive` deletes
/// `site/…`, never `site-backup/…`.
final class RemoveCommand {
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
            KeyDeletion deletion = new KeyDeletion(s3, uri.bucket(), flags, report, root.err);
            if (!flags.recursive()) {
                if (flags.filters().test(uri.name())) {
                    deletion.add(uri.key());
                }
            } else if (flags.filters().isEmpty() && !flags.dryRun()) {
                deletion.record(s3.deletePrefix(uri.bucket(), uri.asPrefix()));
            } else {
                flags.selected(s3, uri.bucket(), uri.asPrefix()).forEach(o -> deletion.add(o.key()));
            }
            deletion.finish();
        } finally {
            report.flush();
            root.err.flush();
        }
    }
}
