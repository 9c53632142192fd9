package dev.rackside.s3;

import dev.rackside.s3.internal.Operations;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/// Whole-folder (prefix) operations on top of single-object ones, streaming the listing so a folder
/// of millions of keys holds one batch in memory.
final class Folders {
    /// DeleteObjects takes at most this many keys.
    private static final int BATCH = Operations.DELETE_BATCH;

    private final S3Engine engine;
    private final Operations ops;

    Folders(S3Engine engine, Operations ops) {
        this.engine = engine;
        this.ops = ops;
    }

    DeleteResult delete(String bucket, String prefix) {
        List<String> deleted = new ArrayList<>();
        Map<String, String> failed = new HashMap<>();
        List<String> batch = new ArrayList<>(BATCH);
        // Keys are collected first per batch; deleting while a listing pages over the same keys is
        // safe on S3 because the continuation token is a position, not an offset.
        engine.objects(bucket, prefix).forEach(o -> {
            batch.add(o.key());
            if (batch.size() == BATCH) {
                merge(ops.delete(bucket, List.copyOf(batch)), deleted, failed);
                batch.clear();
            }
        });
        if (!batch.isEmpty()) {
            merge(ops.delete(bucket, batch), deleted, failed);
        }
        return new DeleteResult(deleted, failed);
    }

    long copy(String srcBucket, String srcPrefix, String dstBucket, String dstPrefix, boolean move, Consumer<String> done) {
        String src = folder(srcPrefix);
        String dst = folder(dstPrefix);
        if (srcBucket.equals(dstBucket) && dst.startsWith(src)) {
            // The listing would meet the copies it made and copy them again, without end.
            throw new S3EngineException.InvalidTarget("Cannot " + (move ? "move" : "copy") + " the folder " + srcBucket + "/" + src
                    + " into itself (" + dstBucket + "/" + dst + "). Choose a folder outside it.");
        }
        long[] count = {0};
        List<String> batch = new ArrayList<>(BATCH);
        engine.objects(srcBucket, src).forEach(o -> {
            String target = dst + o.key().substring(src.length());
            engine.copy(srcBucket, o.key(), dstBucket, target);
            count[0]++;
            if (move) {
                batch.add(o.key());
                if (batch.size() == BATCH) {
                    deleteMoved(srcBucket, batch);
                }
            }
            done.accept(o.key());
        });
        if (move && !batch.isEmpty()) {
            deleteMoved(srcBucket, batch);
        }
        return count[0];
    }

    private void deleteMoved(String bucket, List<String> batch) {
        DeleteResult r = ops.delete(bucket, List.copyOf(batch));
        batch.clear();
        if (!r.failed().isEmpty()) {
            var first = r.failed().entrySet().iterator().next();
            throw new S3EngineException.Rejected("delete " + bucket + "/" + first.getKey() + " after copying it", 0, null,
                    first.getValue() + (r.failed().size() > 1 ? " (and " + (r.failed().size() - 1) + " more)" : ""), null);
        }
    }

    /// "" stays the bucket's root; anything else ends with exactly one slash.
    private static String folder(String prefix) {
        return prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
    }

    private static void merge(DeleteResult r, List<String> deleted, Map<String, String> failed) {
        deleted.addAll(r.deleted());
        failed.putAll(r.failed());
    }
}
