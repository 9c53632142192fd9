package dev.rackside.s3.cli;

import dev.rackside.s3.ObjectInfo;
import dev.rackside.s3.ObjectPage;
import dev.rackside.s3.S3Engine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/// `ls [s3://bucket[/prefix]] [--recursive]`, printed like aws-cli.
@Command(name = "ls", description = "List buckets, or objects and folders under a prefix.")
final class ListCommand implements Runnable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    @ParentCommand
    RacksideS3 root;

    @Parameters(arity = "0..1", paramLabel = "S3URI")
    String target;

    @Option(names = "--recursive", description = "List every object under the prefix.")
    boolean recursive;

    @Override
    public void run() {
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
