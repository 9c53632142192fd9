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

    /// Fills `into` from `in` in reads of at most 64 KiB, each throttled and counted in `got` and
    /// in the task's progress; the task's stop is checked between reads.
    void readFully(TransferTask task, InputStream in, byte[] into, AtomicLong got) throws IOException, InterruptedException {
        for (int pos = 0; pos < into.length; ) {
            task.checkStop();
            int n = in.read(into, pos, Math.min(ChunkStream.CHUNK, into.length - pos));
            if (n < 0) {
                throw new IOException("the connection closed after " + pos + " of " + into.length + " bytes");
            }
            throttle.acquire(n);
            pos += n;
            got.addAndGet(n);
            task.add(n);
        }
    }
}
