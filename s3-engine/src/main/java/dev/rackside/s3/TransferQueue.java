package dev.rackside.s3;

import dev.rackside.s3.internal.TransferEngine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/// Uploads and downloads files and folders: parallel parts and ranges, bounded concurrency,
/// bandwidth limits, a crash-safe journal and full-object checksums. Obtained from
/// [S3Engine#transfers()].
public final class TransferQueue implements AutoCloseable {
    private final TransferEngine engine;
    private final BandwidthLimits limits;

    TransferQueue(TransferEngine engine, BandwidthLimits limits) {
        this.engine = engine;
        this.limits = limits;
    }

    /// Queues one transfer. If the journal holds an unfinished transfer of the same bucket, key
    /// and local path, it resumes from what was already done.
    public Transfer submit(TransferRequest request) {
        return engine.submit(request);
    }

    /// Continues an incomplete upload that another tool or computer began (`u`, listed by
    /// [S3Engine#incompleteUploads]) from the local file it was begun from. Nothing is sent before
    /// every stored part has been checked against `file`; if one does not match, the transfer fails
    /// with [S3EngineException.NotResumable] and the upload is left as it was. The object is stored
    /// without encryption settings of its own (the stored parts are as they were sent).
    ///
    /// @throws S3EngineException.Misconfigured while another transfer of `file` to that key is unfinished
    public Transfer adopt(String bucket, IncompleteUpload u, Path file) {
        return engine.adopt(bucket, u.key(), u.uploadId(), file);
    }

    /// The ids of the incomplete uploads this queue's journal holds (begun or taken over here, in
    /// any state): those are resumed here, never taken over by [#adopt].
    public java.util.Set<String> journalledUploadIds() {
        return engine.journalledUploadIds();
    }

    public Transfer upload(Path file, String bucket, String key) {
        return submit(new TransferRequest.Upload(file, bucket, key));
    }

    public Transfer download(String bucket, String key, Path file) {
        return submit(new TransferRequest.Download(bucket, key, file));
    }

    /// Uploads every regular file under `folder`, keys being `prefix` + the relative path with `/`.
    public List<Transfer> uploadFolder(Path folder, String bucket, String prefix, Encryption sse) {
        return uploadFolder(folder, bucket, prefix, sse, Optional.empty());
    }

    /// As [#uploadFolder(Path, String, String, Encryption)], each file encrypted on this computer
    /// with `clientKey` when given.
    public List<Transfer> uploadFolder(Path folder, String bucket, String prefix, Encryption sse,
                                       Optional<ClientSideKey> clientKey) {
        return uploadFolder(folder, bucket, prefix, sse, clientKey, rel -> true);
    }

    /// As [#uploadFolder(Path, String, String, Encryption, Optional)], only the files whose path
    /// below `folder` (with `/` between names) `select` accepts.
    public List<Transfer> uploadFolder(Path folder, String bucket, String prefix, Encryption sse,
                                       Optional<ClientSideKey> clientKey, Predicate<String> select) {
        List<Transfer> out = new ArrayList<>();
        List<TransferRequest> batch = new ArrayList<>();
        LocalTree.walk(folder, select, (f, rel) -> {
            batch.add(new TransferRequest.Upload(f, bucket, prefix + rel, sse, clientKey));
            if (batch.size() == BATCH) {
                out.addAll(submitBatch(batch, null));
            }
        });
        out.addAll(submitBatch(batch, null));
        return out;
    }

    /// Downloads every object under `prefix` into `folder`, recreating the key structure. Keys
    /// that could escape the folder or are invalid file names are refused by [SafePaths] and
    /// reported in the returned list as failed transfers (ahead of the rest of their batch).
    public List<Transfer> downloadFolder(S3Engine s3, String bucket, String prefix, Path folder, Encryption sse) {
        return downloadFolder(s3, bucket, prefix, folder, sse, Optional.empty());
    }

    /// As [#downloadFolder(S3Engine, String, String, Path, Encryption)]; objects encrypted on a
    /// client are decrypted with `clientKey` (the others download as they are).
    public List<Transfer> downloadFolder(S3Engine s3, String bucket, String prefix, Path folder, Encryption sse,
                                         Optional<ClientSideKey> clientKey) {
        return downloadFolder(s3, bucket, prefix, folder, sse, clientKey, rel -> true);
    }

    /// As [#downloadFolder(S3Engine, String, String, Path, Encryption, Optional)], only the objects
    /// whose key below `prefix` `select` accepts.
    public List<Transfer> downloadFolder(S3Engine s3, String bucket, String prefix, Path folder, Encryption sse,
                                         Optional<ClientSideKey> clientKey, Predicate<String> select) {
        List<Transfer> out = new ArrayList<>();
        List<TransferRequest> batch = new ArrayList<>();
        List<ObjectInfo> listed = new ArrayList<>();
        try {
            listInto(s3, bucket, prefix, folder, sse, clientKey, select, out, batch, listed);
        } finally {
            // Also when the listing fails part way: what was listed is queued, as it was listed.
            out.addAll(submitBatch(batch, listed));
        }
        return out;
    }

    private void listInto(S3Engine s3, String bucket, String prefix, Path folder, Encryption sse,
                          Optional<ClientSideKey> clientKey, Predicate<String> select, List<Transfer> out,
                          List<TransferRequest> batch, List<ObjectInfo> listed) {
        s3.objects(bucket, prefix).forEach(o -> {
            if (o.key().endsWith("/") && o.size() == 0) {
                return; // a "folder marker" made by consoles, not a file
            }
            String rel = o.key().substring(prefix.length());
            if (!select.test(rel)) {
                return;
            }
            try {
                batch.add(new TransferRequest.Download(bucket, o.key(), SafePaths.resolve(folder, rel), sse, clientKey));
                listed.add(o);
            } catch (S3EngineException.UnsafeKey e) {
                out.add(engine.failed(new TransferRequest.Download(bucket, o.key(), folder, sse, clientKey), e));
            }
            if (batch.size() == BATCH) {
                out.addAll(submitBatch(batch, listed));
            }
        });
    }

    // Submitted in batches (one journal transaction each) so the first transfers start while a
    // big folder or listing is still being read.
    private static final int BATCH = 500;

    private List<Transfer> submitBatch(List<TransferRequest> batch, List<ObjectInfo> listed) {
        List<Transfer> out = engine.submitAll(List.copyOf(batch), listed == null
                ? java.util.Collections.nCopies(batch.size(), null) : new ArrayList<>(listed));
        batch.clear();
        if (listed != null) {
            listed.clear();
        }
        return out;
    }

    /// Resubmits every unfinished transfer in the journal (after a crash or restart). Transfers
    /// that need a key the journal does not keep (SSE-C, client-side) are left for the caller to
    /// resubmit.
    public List<Transfer> resumeUnfinished() {
        return engine.resumeUnfinished(Optional.empty(), false, false);
    }

    /// As [#resumeUnfinished()], also resuming the transfers that were encrypted (or decrypted) on
    /// this computer, with `clientKey`. Keys are never written to the journal.
    public List<Transfer> resumeUnfinished(Optional<ClientSideKey> clientKey) {
        return engine.resumeUnfinished(clientKey, false, false);
    }

    /// As [#resumeUnfinished(Optional)]; with `encryptUploads` every upload resumes encrypted with
    /// `clientKey`, also one started in clear before the endpoint began to encrypt (it starts over).
    /// Without a key such uploads stay in the journal: nothing is resumed in clear.
    public List<Transfer> resumeUnfinished(Optional<ClientSideKey> clientKey, boolean encryptUploads) {
        return engine.resumeUnfinished(clientKey, encryptUploads, false);
    }

    /// As [#resumeUnfinished(Optional, boolean)], but every transfer comes back paused and sends or
    /// fetches nothing until its `resume()`: after a restart the operator decides what goes on.
    /// (Resubmitting and then pausing would let each one run, even finish, in between.)
    public List<Transfer> restoreUnfinished(Optional<ClientSideKey> clientKey, boolean encryptUploads) {
        return engine.resumeUnfinished(clientKey, encryptUploads, true);
    }

    public List<Transfer> transfers() {
        return engine.transfers();
    }

    /// The id of the multipart upload `t` has begun on the server and not finished, if any: what the
    /// server lists among a bucket's incomplete uploads. Reads the journal.
    public Optional<String> uploadId(Transfer t) {
        return engine.uploadId(t.request());
    }

    /// The transfer `id` names, if this queue has it.
    public Optional<Transfer> transfer(String id) {
        return engine.transfer(id);
    }

    /// Changes the number of parallel requests (and files) at once, also while transfers run.
    public void setConcurrency(int concurrency) {
        engine.setConcurrency(concurrency);
    }

    /// Bytes per second up, 0 = unlimited; applies to running transfers within a fraction of a second.
    /// With [EngineOptions#sharedLimits], this changes the limit of every engine sharing them.
    public void setUploadLimit(long bytesPerSecond) {
        limits.setUploadLimit(bytesPerSecond);
    }

    public void setDownloadLimit(long bytesPerSecond) {
        limits.setDownloadLimit(bytesPerSecond);
    }

    /// Replaces the weekly schedule; null removes it.
    public void setSchedule(BandwidthSchedule schedule) {
        limits.setSchedule(schedule);
    }

    /// The limits this queue's transfers obey (shared with other engines when so built).
    public BandwidthLimits limits() {
        return limits;
    }

    public void addListener(TransferListener listener) {
        engine.addListener(listener);
    }

    public void removeListener(TransferListener listener) {
        engine.removeListener(listener);
    }

    /// Totals over the queue.
    public TransferProgress total() {
        return engine.total();
    }

    /// Pauses running transfers (journal kept) and releases threads and the journal.
    @Override
    public void close() {
        engine.close();
    }
}
