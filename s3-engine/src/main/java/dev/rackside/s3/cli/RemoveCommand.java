package dev.rackside.s3.cli;

import dev.rackside.s3.DeleteResult;
import dev.rackside.s3.S3Engine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.List;

/// `rm s3://bucket/key [--recursive]`.
@Command(name = "rm", description = "Delete an object, or everything under a prefix with --recursive.")
final class RemoveCommand implements Runnable {
    @ParentCommand
    RacksideS3 root;

    @Parameters(paramLabel = "S3URI")
    String target;

    @Option(names = "--recursive")
    boolean recursive;

    @Override
    public void run() {
        S3Uri uri = S3Uri.parse(target);
        try (S3Engine s3 = root.open()) {
            DeleteResult r = recursive ? s3.deletePrefix(uri.bucket(), uri.key()) : s3.delete(uri.bucket(), List.of(uri.key()));
            r.deleted().forEach(k -> root.out.println("delete: s3://" + uri.bucket() + "/" + k));
            r.failed().forEach((k, why) -> root.err.println("delete failed: s3://" + uri.bucket() + "/" + k + ": " + why));
            if (!r.failed().isEmpty()) {
                throw new IllegalArgumentException(r.failed().size() + " object(s) could not be deleted");
            }
        } finally {
            root.out.flush();
            root.err.flush();
        }
    }
}
