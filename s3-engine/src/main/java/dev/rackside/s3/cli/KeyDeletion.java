package dev.rackside.s3.cli;

import dev.rackside.s3.DeleteResult;
import dev.rackside.s3.S3Engine;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/// Deletes keys of one bucket as `rm` and `sync --delete` do: in batches of 1,000 as they come,
/// each printed as aws-cli prints it ("delete: s3://b/k", "(dryrun) …" under `--dryrun`, which
/// sends nothing), failures on the error stream, and one error at the end if any key remained.
final class KeyDeletion {
    private static final int BATCH = 1000;
    private final S3Engine s3;
    private final String bucket;
    private final Flags flags;
    private final PrintWriter report;
    private final PrintWriter err;
    private final List<String> batch = new ArrayList<>(BATCH);
    private int failed;

    KeyDeletion(S3Engine s3, String bucket, Flags flags, PrintWriter report, PrintWriter err) {
        this.s3 = s3;
        this.bucket = bucket;
        this.flags = flags;
        this.report = report;
        this.err = err;
    }

    void add(String key) {
        batch.add(key);
        if (batch.size() == BATCH) {
            send();
        }
    }

    /// What a deletion done elsewhere (a whole prefix) did, reported the same way.
    void record(DeleteResult r) {
        r.deleted().forEach(k -> report.println(flags.line("delete: s3://" + bucket + "/" + k)));
        r.failed().forEach((k, why) -> err.println("delete failed: s3://" + bucket + "/" + k + ": " + why));
        failed += r.failed().size();
    }

    /// Sends the last batch; throws when any key could not be deleted.
    void finish() {
        send();
        report.flush();
        err.flush();
        if (failed > 0) {
            throw new IllegalArgumentException(failed + " object(s) could not be deleted");
        }
    }

    private void send() {
        if (batch.isEmpty()) {
            return;
        }
        List<String> keys = List.copyOf(batch);
        batch.clear();
        record(flags.dryRun() ? new DeleteResult(keys, Map.of()) : s3.delete(bucket, keys));
    }
}
