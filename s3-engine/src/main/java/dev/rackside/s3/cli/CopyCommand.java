package dev.rackside.s3.cli;

import dev.rackside.s3.Encryption;
import dev.rackside.s3.LocalTree;
import dev.rackside.s3.ObjectInfo;
import dev.rackside.s3.S3Engine;
import dev.rackside.s3.S3EngineException;
import dev.rackside.s3.SafePaths;
import dev.rackside.s3.Transfer;
import dev.rackside.s3.TransferRequest;

import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/// `cp SRC DST [--recursive]` between local paths and `s3://` URIs, in aws-cli's argument order,
/// with its `--exclude`/`--include`, `--dryrun` and `--quiet`. Repeating an interrupted cp
/// resumes it from the journal.
final class CopyCommand {
    private final RacksideS3 root;
    private final String source;
    private final String target;
    private final Flags flags;
    private final PrintWriter report;
    private int dryRunFailures;

    CopyCommand(RacksideS3 root, String source, String target, Flags flags) {
        this.root = root;
        this.source = source;
        this.target = target;
        this.flags = flags;
        this.report = flags.report(root.out);
    }

    void run() {
        try (S3Engine s3 = root.open()) {
            if (!S3Uri.is(source) && S3Uri.is(target)) {
                Batch.await(upload(s3, Path.of(source), S3Uri.parse(target)), report, root.err);
            } else if (S3Uri.is(source) && !S3Uri.is(target)) {
                Batch.await(download(s3, S3Uri.parse(source), target), report, root.err);
            } else if (S3Uri.is(source) && S3Uri.is(target)) {
                copy(s3, S3Uri.parse(source), S3Uri.parse(target));
            } else {
                throw new IllegalArgumentException("One of SRC and DST must be an s3:// URI.");
            }
            if (dryRunFailures > 0) {
                throw new IllegalArgumentException(dryRunFailures + " transfer(s) would fail");
            }
        } finally {
            report.flush();
        }
    }

    private List<Transfer> upload(S3Engine s3, Path src, S3Uri dst) {
        if (Files.isDirectory(src)) {
            if (!flags.recursive()) {
                throw new IllegalArgumentException(src + " is a folder: add --recursive to copy it.");
            }
            if (flags.dryRun()) {
                LocalTree.walk(src, flags.filters(), (file, rel) -> dryRun(root.protection().upload(file, dst.bucket(), dst.asPrefix() + rel)));
                return List.of();
            }
            return s3.transfers().uploadFolder(src, dst.bucket(), dst.asPrefix(), root.protection().sse(),
                    root.protection().uploadKey(), flags.filters());
        }
        if (flags.dryRun() && !Files.isRegularFile(src)) {
            throw new IllegalArgumentException(src + " does not exist.");
        }
        String key = dst.key().isEmpty() || dst.key().endsWith("/") ? dst.key() + src.getFileName() : dst.key();
        return one(root.protection().upload(src, dst.bucket(), key), String.valueOf(src.getFileName()), s3);
    }

    private List<Transfer> download(S3Engine s3, S3Uri src, String dst) {
        Path local = Path.of(dst);
        if (flags.recursive()) {
            if (flags.dryRun()) {
                objects(s3, src).forEach(o -> dryRunDownload(src, o.key(), local));
                return List.of();
            }
            return s3.transfers().downloadFolder(s3, src.bucket(), src.asPrefix(), local, Encryption.none(),
                    root.protection().clientKey(), flags.filters());
        }
        if (flags.dryRun()) {
            s3.head(src.bucket(), src.key()); // as the real run would, says when there is no such object
        }
        Path file = Files.isDirectory(local) || dst.endsWith("/") || dst.endsWith(File.separator)
                ? SafePaths.resolve(local, src.name()) : local;
        return one(root.protection().download(src.bucket(), src.key(), file), src.name(), s3);
    }

    // A single file or object: the filters see its name, as aws-cli's see a path below its folder.
    private List<Transfer> one(TransferRequest request, String name, S3Engine s3) {
        if (!flags.filters().test(name)) {
            return List.of();
        }
        if (flags.dryRun()) {
            dryRun(request);
            return List.of();
        }
        return List.of(s3.transfers().submit(request));
    }

    private void copy(S3Engine s3, S3Uri src, S3Uri dst) {
        if (!flags.recursive()) {
            String key = dst.key().isEmpty() || dst.key().endsWith("/") ? dst.key() + src.name() : dst.key();
            if (flags.filters().test(src.name())) {
                copyOne(s3, src.bucket(), src.key(), dst.bucket(), key);
            }
            return;
        }
        String from = src.asPrefix();
        for (ObjectInfo o : (Iterable<ObjectInfo>) objects(s3, src)::iterator) {
            copyOne(s3, src.bucket(), o.key(), dst.bucket(), dst.asPrefix() + o.key().substring(from.length()));
        }
    }

    private void copyOne(S3Engine s3, String srcBucket, String srcKey, String dstBucket, String dstKey) {
        if (!flags.dryRun()) {
            s3.copy(srcBucket, srcKey, dstBucket, dstKey, Encryption.none(), root.protection().sse());
        }
        report.println(flags.line("copy: s3://" + srcBucket + "/" + srcKey + " to s3://" + dstBucket + "/" + dstKey));
    }

    /// The objects under `src`'s prefix that the filters select, folder markers left out.
    private Stream<ObjectInfo> objects(S3Engine s3, S3Uri src) {
        return flags.selected(s3, src.bucket(), src.asPrefix()).filter(o -> !(o.key().endsWith("/") && o.size() == 0));
    }

    private void dryRunDownload(S3Uri src, String key, Path folder) {
        try {
            dryRun(root.protection().download(src.bucket(), key, SafePaths.resolve(folder, key.substring(src.asPrefix().length()))));
        } catch (S3EngineException.UnsafeKey e) {
            dryRunFailures++;
            root.err.println(flags.line("failed: s3://" + src.bucket() + "/" + key + ": " + e.getMessage()));
        }
    }

    private void dryRun(TransferRequest request) {
        report.println(flags.line(Batch.describe(request)));
    }
}
