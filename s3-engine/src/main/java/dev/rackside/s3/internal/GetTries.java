package dev.rackside.s3.internal;

import dev.rackside.s3.S3EngineException;
import dev.rackside.s3.TransferRequest;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

/// The tries of one download GET, for whole small objects ([SmallDownload]) and for ranges
/// ([SpanFetch], client-side-encrypted ranges in [Downloader]) alike: retried by the [Retrier],
/// each try holding a request permit, a 412 (the ETag sent as `If-Match` no longer matches)
/// reported as a changed source, and the bytes a failed try had counted (`got`) taken back from
/// the progress before the next try and after the last.
final class GetTries {
    private final Retrier retrier;
    private final ResizableSemaphore gate;
    private final Throttle throttle;

    GetTries(Retrier retrier, ResizableSemaphore gate, Throttle throttle) {
        this.retrier = retrier;
        this.gate = gate;
        this.throttle = throttle;
    }

    <T> T run(TransferTask task, TransferRequest.Download r, AtomicLong got, Callable<T> once) {
        String object = r.bucket() + "/" + r.key();
        try {
            return retrier.call("download " + object, () -> {
                task.add(-got.getAndSet(0));
                gate.acquire();
                try {
                    return once.call();
                } catch (AwsServiceException e) {
                    if (e.statusCode() == 412) {
                        throw new S3EngineException.SourceChanged("The object " + object);
                    }
                    throw e;
                } finally {
                    gate.release();
                }
            }, task::stopRequested);
        } catch (RuntimeException e) {
            task.add(-got.getAndSet(0));
            throw e;
        }
    }

    /// Fills `into` from `in` in reads of at most 64 KiB (see [#readSome]).
    void readFully(TransferTask task, InputStream in, byte[] into, AtomicLong got) throws IOException, InterruptedException {
        for (int pos = 0; pos < into.length; ) {
            pos += readSome(task, in, into, pos, Math.min(ChunkStream.CHUNK, into.length - pos), pos, into.length, got);
        }
    }

    /// One read of up to `max` bytes into `buf` at `off`: the task's stop checked first, the bytes
    /// throttled and counted in `got` and in the task's progress. `done` of `total` bytes of the
    /// body were read before; a body that ends early fails with both.
    int readSome(TransferTask task, InputStream in, byte[] buf, int off, int max, long done, long total, AtomicLong got)
            throws IOException, InterruptedException {
        task.checkStop();
        int n = in.read(buf, off, max);
        if (n < 0) {
            throw new IOException("the connection closed after " + done + " of " + total + " bytes");
        }
        throttle.acquire(n);
        got.addAndGet(n);
        task.add(n);
        return n;
    }
}
