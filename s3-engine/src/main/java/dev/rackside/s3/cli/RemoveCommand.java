package dev.rackside.s3.cli;

import dev.rackside.s3.DeleteResult;
import dev.rackside.s3.S3Engine;

import java.util.List;

/// `rm s3://bucket/key [--recursive]`.
final class RemoveCommand {
    private final RacksideS3 root;
    private final String target;
    private final boolean recursive;

    RemoveCommand(RacksideS3 root, String target, boolean recursive) {
        this.root = root;
        this.target = target;
        this.recursive = recursive;
    }

    void run() {
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
