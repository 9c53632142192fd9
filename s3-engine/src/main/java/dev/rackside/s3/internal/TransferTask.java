package dev.rackside.s3.internal;

import dev.rackside.s3.S3EngineException;
import dev.rackside.s3.Transfer;
import dev.rackside.s3.TransferProgress;
import dev.rackside.s3.TransferRequest;
import dev.rackside.s3.TransferState;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/// One transfer's state machine and counters. Workers poll [#stopRequested()] between 64 KiB
/// chunks, so pause and cancel take effect within one chunk.
public final class TransferTask implements Transfer {
    private static final long WINDOW_NANOS = Duration.ofSeconds(5).toNanos();

    private final String id;
    private final TransferRequest request;
    private final TransferEngine engine;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong checked = new AtomicLong(-1); // see TransferProgress.checkedBytes
    private volatile S3EngineException failure; // why it last failed
    private long lastChecked = -1;
    private final ArrayDeque<long[]> samples = new ArrayDeque<>();
    private volatile long total = -1;
    private volatile TransferState state = TransferState.QUEUED;
    private volatile boolean stop;
    private volatile boolean cancelRequested;
    private volatile CompletableFuture<TransferProgress> completion = new CompletableFuture<>();
    private volatile Thread waiter; // the worker while it waits for its turn
    private volatile dev.rackside.s3.ObjectInfo hint; // what a listing said about the object, if it came from one
    private volatile boolean resumed; // the journal held this transfer when it was submitted
    private volatile int generation; // counts restarts, so a paused worker's late failure is not the new run's
    private long lastReported = -1;

    TransferTask(String id, TransferRequest request, TransferEngine engine) {
        this.id = id;
        this.request = request;
        this.engine = engine;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public TransferRequest request() {
        return request;
    }

    @Override
    public TransferState state() {
        return state;
    }

    @Override
    public TransferProgress progress() {
        long now = System.nanoTime();
        double rate = rate(now);
        long t = total;
        long d = done.get();
        Optional<Duration> eta = rate > 0 && t >= 0 && state == TransferState.RUNNING
                ? Optional.of(Duration.ofMillis((long) ((t - d) * 1000 / rate))) : Optional.empty();
        return new TransferProgress(id, describe(), state, d, t, rate, eta, state == TransferState.RUNNING ? checked.get() : -1);
    }

    @Override
    public synchronized void pause() {
        if (state == TransferState.RUNNING || state == TransferState.QUEUED) {
            boolean queued = state == TransferState.QUEUED;
            stop = true;
            state = TransferState.PAUSED;
            if (queued) {
                wake();
            }
        }
    }

    /// Paused before it ever started (restored from the journal): [#resume()] starts it.
    synchronized void hold() {
        stop = true;
        state = TransferState.PAUSED;
    }

    @Override
    public synchronized void resume() {
        if (state == TransferState.PAUSED) {
            restart();
        }
    }

    @Override
    public synchronized void cancel() {
        if (state.finished()) {
            return;
        }
        cancelRequested = true;
        stop = true;
        if (state == TransferState.PAUSED) {
            engine.discardLater(this);
        } else if (state == TransferState.QUEUED) {
            wake();
        }
    }

    @Override
    public synchronized void retry() {
        // Once the same file was submitted again, the newer transfer is the one that may run.
        if ((state == TransferState.FAILED || state == TransferState.CANCELLED) && engine.current(this) && retryable()) {
            completion = new CompletableFuture<>();
            cancelRequested = false;
            restart();
        }
    }

    /// False for a continuation of another tool's upload that was refused: running it again would
    /// upload the file as new rather than continue that upload (see [AdoptedUpload]).
    @Override
    public boolean retryable() {
        return !(state == TransferState.FAILED && failure instanceof S3EngineException.NotResumable);
    }

    void failedWith(S3EngineException e) {
        failure = e;
    }

    dev.rackside.s3.ObjectInfo hint() {
        return hint;
    }

    boolean resumed() {
        return resumed;
    }

    void from(dev.rackside.s3.ObjectInfo listed, boolean journalled) {
        hint = listed;
        resumed = journalled;
    }

    int generation() {
        return generation;
    }

    void waiter(Thread t) {
        waiter = t;
    }

    private void wake() {
        Thread w = waiter;
        if (w != null) {
            w.interrupt();
        }
    }

    private void restart() {
        generation++;
        stop = false;
        state = TransferState.QUEUED;
        engine.start(this);
    }

    @Override
    public CompletableFuture<TransferProgress> completion() {
        return completion;
    }

    public boolean stopRequested() {
        return stop;
    }

    boolean cancelRequested() {
        return cancelRequested;
    }

    /// Throws [S3EngineException.Cancelled] when a pause or cancel was requested.
    public void checkStop() {
        if (stop) {
            throw new S3EngineException.Cancelled(describe());
        }
    }

    /// Moves a queued transfer to RUNNING, or throws [S3EngineException.Cancelled] if a pause or
    /// cancel came first. One lock with [#pause()]: a pause between a separate check and the state
    /// change would be overwritten by RUNNING and lost.
    synchronized void begin() {
        checkStop();
        state = TransferState.RUNNING;
    }

    public void add(long bytes) {
        done.addAndGet(bytes);
    }

    public void setDone(long bytes) {
        done.set(bytes);
    }

    public long done() {
        return done.get();
    }

    /// How far the local file has been read to checksum it; -1 when that is over.
    void checking(long bytes) {
        checked.set(bytes);
    }

    public void setTotal(long bytes) {
        total = bytes;
    }

    void state(TransferState s) {
        state = s;
    }

    /// Called by the progress ticker: records a sample; true when there is news to report.
    synchronized boolean sample() {
        long now = System.nanoTime();
        long d = done.get();
        samples.addLast(new long[] {now, d});
        while (samples.size() > 2 && now - samples.peekFirst()[0] > WINDOW_NANOS) {
            samples.removeFirst();
        }
        long c = checked.get();
        boolean news = d != lastReported || c != lastChecked;
        lastReported = d;
        lastChecked = c;
        return news;
    }

    synchronized double rate(long now) {
        if (samples.size() < 2) {
            return 0;
        }
        long[] first = samples.peekFirst();
        long[] last = samples.peekLast();
        double seconds = (last[0] - first[0]) / 1e9;
        return seconds <= 0 ? 0 : (last[1] - first[1]) / seconds;
    }

    public String describe() {
        return switch (request) {
            case TransferRequest.Upload u -> "Upload of " + u.local().getFileName() + " to " + u.bucket() + "/" + u.key();
            case TransferRequest.Download d -> "Download of " + d.bucket() + "/" + d.key();
        };
    }
}
