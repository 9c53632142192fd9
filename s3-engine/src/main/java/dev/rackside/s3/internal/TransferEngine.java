package dev.rackside.s3.internal;

import dev.rackside.s3.Encryption;
import dev.rackside.s3.EngineOptions;
import dev.rackside.s3.S3EngineException;
import dev.rackside.s3.Transfer;
import dev.rackside.s3.TransferListener;
import dev.rackside.s3.TransferProgress;
import dev.rackside.s3.TransferRequest;
import dev.rackside.s3.TransferState;
import software.amazon.awssdk.services.s3.S3Client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/// Runs [TransferTask]s: at most `concurrency` files at once and `concurrency` requests in flight
/// over all of them, both resizable live. Events go to listeners on one thread, progress coalesced.
public final class TransferEngine implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(TransferEngine.class.getName());

    private final Journal journal;
    private final Leftovers leftovers;
    private final ResizableSemaphore requests;
    private final ResizableSemaphore files;
    private final Uploader uploader;
    private final Downloader downloader;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final TransferEvents events;
    private final List<TransferTask> tasks = new CopyOnWriteArrayList<>();
    // The newest task per file, so a submit needs no scan of every task (folders have thousands).
    private final Map<FileKey, TransferTask> latest = new ConcurrentHashMap<>();
    private final Map<String, TransferTask> byId = new ConcurrentHashMap<>();
    private final Map<TransferTask, java.util.concurrent.Future<?>> running = new ConcurrentHashMap<>();

    /// With `lean` (may be null), small whole-object uploads and downloads skip the S3Client
    /// pipeline where it supports the bucket. The engine owns `journal` from here on and closes it.
    /// `up` and `down` may be shared with other engines (see [dev.rackside.s3.BandwidthLimits]).
    public TransferEngine(S3Client s3, LeanObjects lean, Retrier retrier, Operations ops, Journal journal,
                          EngineOptions options, Throttle up, Throttle down) {
        this.journal = journal;
        this.leftovers = new Leftovers(s3, retrier, journal);
        this.requests = new ResizableSemaphore(options.concurrency());
        this.files = new ResizableSemaphore(options.concurrency());
        this.uploader = new Uploader(s3, lean, retrier, journal, up, requests, options, ops.sseProbe());
        this.downloader = new Downloader(s3, lean, retrier, ops, journal, down, requests, options);
        this.events = new TransferEvents();
        events.tickEvery(options.progressInterval(), tasks, this::total);
    }

    public Transfer submit(TransferRequest request) {
        return submit(request, null);
    }

    /// As [#submit(TransferRequest)], for an object a listing described (`listed`, may be null): one GET, no HEAD.
    public Transfer submit(TransferRequest request, dev.rackside.s3.ObjectInfo listed) {
        return submitAll(List.of(request), java.util.Collections.singletonList(listed)).getFirst();
    }

    /// Continues the incomplete upload `uploadId` of `bucket/key`, which another tool or computer
    /// began, from `local`, without encryption of its own (see [AdoptedUpload#start]).
    public Transfer adopt(String bucket, String key, String uploadId, java.nio.file.Path local) {
        TransferRequest.Upload r = new TransferRequest.Upload(local, bucket, key);
        return AdoptedUpload.start(journal, latest.get(FileKey.of(r)), r, uploadId, this::submit);
    }

    /// Submits many transfers at once (a folder, a listing's page): their journal rows are written in one
    /// transaction before any starts. `listed` is parallel to `requests` (entries may be null).
    public List<Transfer> submitAll(List<TransferRequest> requests, List<dev.rackside.s3.ObjectInfo> listed) {
        return submitAll(requests, listed, false);
    }

    /// With `paused`, the new transfers wait for their `resume()`: nothing is sent or fetched before.
    private List<Transfer> submitAll(List<TransferRequest> requests, List<dev.rackside.s3.ObjectInfo> listed, boolean paused) {
        List<Transfer> out = new ArrayList<>(requests.size());
        List<TransferTask> fresh = new ArrayList<>(requests.size());
        List<Journal.Queued> rows = new ArrayList<>();
        try {
            register(requests, listed, out, fresh, rows, paused);
            journal.queueAll(rows);
        } catch (RuntimeException e) {
            // Nothing of this batch starts, so nothing of it may stay registered as pending.
            fresh.forEach(t -> {
                latest.remove(FileKey.of(t.request()), t);
                byId.remove(t.id(), t);
            });
            throw e;
        }
        tasks.addAll(fresh); // one copy of the copy-on-write list per batch, not one per file
        for (TransferTask task : fresh) {
            if (paused) {
                task.hold();
            }
            events.fire(l -> l.transferInitiated(task.progress()));
            if (!paused) {
                start(task);
            }
        }
        return out;
    }

    private void register(List<TransferRequest> requests, List<dev.rackside.s3.ObjectInfo> listed, List<Transfer> out,
                          List<TransferTask> fresh, List<Journal.Queued> rows, boolean paused) {
        for (int i = 0; i < requests.size(); i++) {
            TransferRequest request = requests.get(i);
            TransferTask existing = latest.get(FileKey.of(request));
            if (existing != null && !existing.state().finished()) {
                // Already queued, running or paused: one worker per file. Asked again with another
                // encryption it must not share that worker's journal entry (or send its parts in clear).
                out.add(existing.request().equals(request) ? existing : failed(request, new S3EngineException.Misconfigured(
                        request.bucket() + "/" + request.key() + " is already queued, running or paused with other"
                                + " encryption. Cancel that transfer first, then start this one again.", null)));
                continue;
            }
            if (existing != null && existing.state() == TransferState.FAILED && existing.request().equals(request) && !paused
                    && existing.retryable()) {
                existing.from(listed.get(i), existing.resumed()); // what the newer listing says of the object
                existing.retry(); // the same file after a failure: that transfer goes on, one task (and id) per file
                out.add(existing);
                continue;
            }
            String kind = JournalCodec.kind(request);
            Optional<String> journalled = journal.find(kind, request.bucket(), request.key(), request.local().toString())
                    .map(Journal.Entry::id);
            TransferTask task = new TransferTask(journalled.orElseGet(() -> UUID.randomUUID().toString()), request, this);
            task.from(listed.get(i), journalled.isPresent());
            // Keys are never written down: an SSE-C transfer cannot be resumed from the journal, and a
            // client-side one is marked so it is resumed only when the caller gives the key again.
            if (!(request.encryption() instanceof Encryption.SseC)) {
                rows.add(new Journal.Queued(task.id(), kind, request.bucket(), request.key(), request.local().toString(),
                        JournalCodec.queuedKind(request)));
            }
            latest.put(FileKey.of(request), task);
            byId.put(task.id(), task);
            fresh.add(task);
            out.add(task);
        }
    }

    /// False while another transfer of the same file is queued, running or paused: only that one may run.
    boolean current(TransferTask t) {
        TransferTask newest = latest.get(FileKey.of(t.request()));
        return newest == null || newest == t || newest.state().finished();
    }

    /// A transfer that failed before it started (e.g. an unsafe key in a folder download).
    public Transfer failed(TransferRequest request, S3EngineException error) {
        TransferTask task = new TransferTask(UUID.randomUUID().toString(), request, this);
        task.state(TransferState.FAILED);
        task.completion().completeExceptionally(error);
        tasks.add(task);
        byId.put(task.id(), task);
        events.fire(l -> l.transferFailed(task.progress(), error));
        return task;
    }

    void start(TransferTask task) {
        var previous = running.get(task);
        running.put(task, workers.submit(() -> {
            if (previous != null) {
                try {
                    previous.get(); // a paused worker winds down before its successor starts
                } catch (Exception ignored) {
                    // its outcome was already reported
                }
            }
            run(task);
        }));
    }

    private void run(TransferTask task) {
        int generation = task.generation();
        // A plain blocking wait: a pause or cancel of a queued task interrupts it. (Polling with a
        // timeout cost O(waiters) per timeout in the semaphore's queue: O(n²) for a big folder.)
        task.waiter(Thread.currentThread());
        try {
            if (task.stopRequested()) {
                throw new InterruptedException("stopped before it started");
            }
            files.acquire();
        } catch (InterruptedException e) {
            task.waiter(null);
            Thread.interrupted();
            settleStopped(task);
            return;
        }
        task.waiter(null);
        Thread.interrupted(); // a late wake-up: begin() sees the stop flag itself
        try {
            task.begin();
            if (task.request() instanceof TransferRequest.Upload) {
                uploader.run(task);
            } else {
                downloader.run(task);
            }
            leftovers.unqueue(task.request());
            task.state(TransferState.COMPLETED);
            TransferProgress p = task.progress();
            task.completion().complete(p);
            events.fire(l -> l.transferComplete(p));
        } catch (S3EngineException.Cancelled e) {
            settleStopped(task);
        } catch (S3EngineException e) {
            // A pause makes in-flight requests fail; if it was resumed meanwhile, stop is already
            // false again, but the failure still belongs to the pause, not to the new run.
            if (task.stopRequested() || task.generation() != generation) {
                settleStopped(task);
            } else {
                failWith(task, e);
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "transfer " + task.id() + " failed unexpectedly", e);
            failWith(task, Errors.map(e, task.describe(), "", 1));
        } catch (Error e) {
            // An Error would otherwise end the worker silently (the executor swallows it) and leave
            // the future incomplete: whoever awaits the transfer would wait for ever.
            LOG.log(System.Logger.Level.ERROR, "transfer " + task.id() + " stopped on an error", e);
            failWith(task, new S3EngineException.Internal(task.describe(), e));
            throw e;
        } finally {
            files.release();
        }
    }

    private void failWith(TransferTask task, S3EngineException e) {
        task.failedWith(e); // before the state: whoever sees FAILED sees why (TransferTask.retryable)
        task.state(TransferState.FAILED);
        task.completion().completeExceptionally(e);
        events.fire(l -> l.transferFailed(task.progress(), e));
    }

    private void settleStopped(TransferTask task) {
        if (task.cancelRequested()) {
            discard(task);
        } // else paused: everything stays in the journal for resume()
    }

    void discardLater(TransferTask task) {
        workers.submit(() -> discard(task));
    }

    private void discard(TransferTask task) {
        leftovers.discard(task.request());
        task.state(TransferState.CANCELLED);
        S3EngineException e = new S3EngineException.Cancelled(task.describe());
        task.completion().completeExceptionally(e);
        events.fire(l -> l.transferFailed(task.progress(), e));
    }

    /// See [dev.rackside.s3.TransferQueue#resumeUnfinished(Optional, boolean)]; with `paused`, its `restoreUnfinished`.
    public List<Transfer> resumeUnfinished(Optional<dev.rackside.s3.ClientSideKey> clientKey, boolean encryptUploads,
                                           boolean paused) {
        return new JournalResume(journal, r -> submitAll(List.of(r), java.util.Collections.singletonList(null), paused).getFirst())
                .resume(clientKey, encryptUploads);
    }

    public List<Transfer> transfers() {
        return List.copyOf(tasks);
    }

    /// The transfer with this id, without copying the list (a UI hears of thousands one by one).
    public Optional<Transfer> transfer(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /// The ids of the multipart uploads the journal holds: begun here, or taken over here.
    public java.util.Set<String> journalledUploadIds() {
        return journal.uploadIds();
    }

    /// The multipart upload the journal holds for `r` (an upload begun and not finished), if any.
    public Optional<String> uploadId(TransferRequest r) {
        return r instanceof TransferRequest.Upload ? journal.find(JournalCodec.kind(r), r.bucket(), r.key(),
                r.local().toString()).map(Journal.Entry::uploadId) : Optional.empty();
    }

    public void setConcurrency(int n) {
        requests.resize(n);
        files.resize(n);
    }

    public void addListener(TransferListener l) {
        events.add(l);
    }

    public void removeListener(TransferListener l) {
        events.remove(l);
    }

    public TransferProgress total() {
        return TransferTotal.of(tasks);
    }

    @Override
    public void close() {
        tasks.forEach(TransferTask::pause);
        workers.shutdown();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        events.close();
        journal.close();
    }
}
