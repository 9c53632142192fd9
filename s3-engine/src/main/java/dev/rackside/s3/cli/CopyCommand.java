package dev.rackside.s3.cli;

import dev.rackside.s3.Encryption;
import dev.rackside.s3.ObjectInfo;
import dev.rackside.s3.S3Engine;
import dev.rackside.s3.SafePaths;
import dev.rackside.s3.Transfer;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/// `cp SRC DST [--recursive]` between local paths and `s3://` URIs, in aws-cli's argument order.
/// Repeating an interrupted cp resumes it from the journal.
final class CopyCommand {
    private final RacksideS3 root;
    private final String source;
    private final String target;
    private final boolean recursive;

    CopyCommand(RacksideS3 root, String source, String target, boolean recursive) {
        this.root = root;
        this.source = source;
        this.target = target;
        this.recursive = recursive;
    }

    void run() {
        try (S3Engine s3 = root.open()) {
            if (!S3Uri.is(source) && S3Uri.is(target)) {
                Batch.await(upload(s3, Path.of(source), S3Uri.parse(target)), root.out, root.err);
            } else if (S3Uri.is(source) && !S3Uri.is(target)) {
                Batch.await(download(s3, S3Uri.parse(source), target), root.out, root.err);
            } else if (S3Uri.is(source) && S3Uri.is(target)) {
                copy(s3, S3Uri.parse(source), S3Uri.parse(target));
            } else {
                throw new IllegalArgumentException("One of SRC and DST must be an s3:// URI.");
            }
        }
    }

    private List<Transfer> upload(S3Engine s3, Path src, S3Uri dst) {
        if (Files.isDirectory(src)) {
            if (!recursive) {
                throw new IllegalArgumentException(src + " is a folder: add --recursive to copy it.");
            }
            return s3.transfers().uploadFolder(src, dst.bucket(), dst.asPrefix(), root.protection().sse(),
                    root.protection().uploadKey());
        }
        String key = dst.key().isEmpty() || dst.key().endsWith("/") ? dst.key() + src.getFileName() : dst.key();
        return List.of(s3.transfers().submit(root.protection().upload(src, dst.bucket(), key)));
    }

    private List<Transfer> download(S3Engine s3, S3Uri src, String dst) {
        Path local = Path.of(dst);
        if (recursive) {
            return s3.transfers().downloadFolder(s3, src.bucket(), src.asPrefix(), local, Encryption.none(),
                    root.protection().clientKey());
        }
        if (Files.isDirectory(local) || dst.endsWith("/") || dst.endsWith(File.separator)) {
            local = SafePaths.resolve(local, src.name());
        }
        return List.of(s3.transfers().submit(root.protection().download(src.bucket(), src.key(), local)));
    }

    private void copy(S3Engine s3, S3Uri src, S3Uri dst) {
        if (!recursive) {
            String key = dst.key().isEmpty() || dst.key().endsWith("/") ? dst.key() + src.name() : dst.key();
            s3.copy(src.bucket(), src.key(), dst.bucket(), key, Encryption.none(), root.protection().sse());
            root.out.println("copy: " + src + " to s3://" + dst.bucket() + "/" + key);
            return;
        }
        String from = src.asPrefix();
        for (ObjectInfo o : (Iterable<ObjectInfo>) s3.objects(src.bucket(), from)::iterator) {
            String key = dst.asPrefix() + o.key().substring(from.length());
            s3.copy(src.bucket(), o.key(), dst.bucket(), key, Encryption.none(), root.protection().sse());
            root.out.println("copy: s3://" + src.bucket() + "/" + o.key() + " to s3://" + dst.bucket() + "/" + key);
        }
        root.out.flush();
    }
}
