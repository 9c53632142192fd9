package dev.rackside.s3.internal;

import dev.rackside.s3.Encryption;
import dev.rackside.s3.ObjectInfo;
import dev.rackside.s3.S3EngineException;
import dev.rackside.s3.TransferRequest;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/// A small object that came from a listing, in one GET: the listing already gave its size and
/// ETag, so there is no HEAD, and `rackside-sha256` is read from the GET's response headers. The
/// bytes are checked in memory and only then written (`name.part`, renamed), so nothing needs
/// journalling: after a crash the object is simply fetched again.
final class SmallDownload {
    private final S3Client s3;
    private final Retrier retrier;
    private final Throttle throttle;
    private final ResizableSemaphore gate;

    SmallDownload(S3Client s3, Retrier retrier, Throttle throttle, ResizableSemaphore gate) {
        this.s3 = s3;
        this.retrier = retrier;
        this.throttle = throttle;
        this.gate = gate;
    }

    /// Whether `task` can take this path: listed, small, not journalled, no encryption keys.
    static boolean fits(TransferTask task, long maxSize) {
        ObjectInfo hint = task.hint();
        return hint != null && !task.resumed() && hint.size() <= maxSize && hint.etag() != null
                && task.request() instanceof TransferRequest.Download d
                && d.encryption() instanceof Encryption.None && d.clientSideKey().isEmpty();
    }

    private record Fetched(GetObjectResponse response, byte[] data) {
    }

    /// Downloads and verifies; false if the object turned out to be encrypted on the client
    /// (then nothing was written and the general path must take it).
    boolean run(TransferTask task) {
        TransferRequest.Download r = (TransferRequest.Download) task.request();
        String object = r.bucket() + "/" + r.key();
        task.setTotal(task.hint().size());
        AtomicLong got = new AtomicLong();
        Fetched f;
        try {
            f = retrier.call("download " + object, () -> {
                task.add(-got.getAndSet(0));
                gate.acquire();
                try (ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(r.bucket()).key(r.key())
                        .ifMatch(task.hint().etag()))) {
                    GetObjectResponse resp = in.response();
                    if (ChunkedAead.FORMAT.equals(resp.metadata().get(ChunkedAead.META))) {
                        return null;
                    }
                    byte[] data = new byte[Math.toIntExact(resp.contentLength())];
                    for (int pos = 0; pos < data.length; ) {
                        task.checkStop();
                        int n = in.read(data, pos, Math.min(ChunkStream.CHUNK, data.length - pos));
                        if (n < 0) {
                            throw new IOException("the connection closed after " + pos + " of " + data.length + " bytes");
                        }
                        throttle.acquire(n);
                        pos += n;
                        got.addAndGet(n);
                        task.add(n);
                    }
                    return new Fetched(resp, data);
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
        if (f == null) {
            task.setDone(0);
            return false;
        }
        verify(task, object, f);
        write(r.local(), f.data());
        return true;
    }

    private static void verify(TransferTask task, String object, Fetched f) {
        String sha = f.response().metadata().get(Operations.SHA256_META);
        String etag = f.response().eTag();
        String sse = f.response().serverSideEncryptionAsString();
        String expected;
        String actual;
        String algorithm;
        if (sha != null) {
            algorithm = "SHA-256";
            expected = sha;
            actual = Hashes.hex(Hashes.sha256().digest(f.data()));
        } else if (Hashes.isPlainMd5(etag) && (sse == null || sse.equals("AES256"))) {
            algorithm = "MD5 (ETag)";
            expected = Hashes.stripQuotes(etag);
            actual = Hashes.hex(Hashes.md5().digest(f.data()));
        } else {
            algorithm = "size";
            expected = Long.toString(task.hint().size());
            actual = Long.toString(f.data().length);
        }
        if (!expected.equalsIgnoreCase(actual)) {
            task.setDone(0);
            throw new S3EngineException.IntegrityFailed(object, algorithm, expected, actual);
        }
    }

    private static void write(Path target, byte[] data) {
        Path part = Downloader.partFile(target);
        try {
            Path parent = target.toAbsolutePath().getParent();
            if (!Files.isDirectory(parent)) {
                Files.createDirectories(parent);
            }
            // One write call: Files.write hands the bytes over in 8 KiB pieces (eight syscalls
            // per 64 KiB file, ~0.8 s of system time over 2,000 files on this box).
            try (FileChannel ch = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(data);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
            }
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new S3EngineException.LocalFileProblem(target, "it cannot be written (" + e.getMessage() + ")", e);
        }
    }
}
