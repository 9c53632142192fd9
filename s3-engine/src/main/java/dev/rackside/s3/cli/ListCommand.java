package dev.rackside.s3.cli;

import dev.rackside.s3.ObjectInfo;
import dev.rackside.s3.ObjectPage;
import dev.rackside.s3.S3Engine;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/// `ls [s3://bucket[/prefix]] [--recursive]`, printed like aws-cli.
final class ListCommand {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private final RacksideS3 root;
    private final String target;
    private final boolean recursive;

    /// `target` is null to list buckets.
    ListCommand(RacksideS3 root, String target, boolean recursive) {
        this.root = root;
        this.target = target;
        this.recursive = recursive;
    }

    void run() {
        try (S3Engine s3 = root.open()) {
            if (target == null) {
                s3.listBuckets().forEach(b -> root.out.println(b.created().map(TIME::format).orElse("                   ")
                        + " " + b.name()));
                return;
            }
            S3Uri uri = S3Uri.parse(target);
            for (ObjectPage page : s3.list(uri.bucket(), uri.key(), !recursive, 1000)) {
                page.folders().forEach(f -> root.out.println("                           PRE " + f.substring(uri.key().length())));
                for (ObjectInfo o : page.objects()) {
                    String name = recursive ? o.key() : o.key().substring(uri.key().length());
                    root.out.printf("%s %10d %s%n", TIME.format(o.lastModified()), o.size(), name);
                }
            }
        } finally {
            root.out.flush();
        }
    }
}
