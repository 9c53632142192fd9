package dev.rackside.s3.internal;

import dev.rackside.s3.Encryption;
import dev.rackside.s3.ObjectInfo;
import dev.rackside.s3.S3EngineException;
import dev.rackside.s3.TransferRequest;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/// A small object that came from a listing, in one GET: the listing already gave its size and
/// ETag, so there is no HEAD, and `rackside-sha256` is read from the GET's response headers. The
/// bytes are checked in memory and only then written (`name.part`, renamed), so nothing needs
/// journalling: after a crash the object is simply fetched again. With a [LeanObjects] for the
/// bucket the GET skips the S3Client pipeline.
final class SmallDownload {
    private final S3Client s3;
    private final LeanObjects lean; // null: every GET through the S3Client
    private final GetTries tries;
    private volatile boolean checksumModeRefused;

    SmallDownload(S3Client s3, LeanObjects lean, GetTries tries) {
        this.s3 = s3;
        this.lean = lean;
        this.tries = tries;
    }

    static boolean fits(TransferTask task, long maxSize) {
        ObjectInfo hint = task.hint();
        return hint != null && !task.resumed() && hint.size() <= maxSize && hint.etag() != null
                && task.request() instanceof TransferRequest.Download d
                && d.encryption() instanceof Encryption.None && d.clientSideKey().isEmpty();
    }

    /// What verification needs from a GET. `checksum` is the server's full-object checksum, checked
    /// here on both paths: the S3Client would check CRC32/CRC32C only on reading past the last
    /// byte, which [#read] never does, and skips CRC64NVME without AWS's CRT library.
    record Fetched(String sha256, String etag, String sse, ServerChecksum.Expected checksum, byte[] data) {
    }

    /// Downloads and verifies; false if the object turned out to be encrypted on the client
    /// (then nothing was written and the general path must take it).
    boolean run(TransferTask task) {
        TransferRequest.Download r = (TransferRequest.Download) task.request();
        String object = r.bucket() + "/" + r.key();
        task.setTotal(task.hint().size());
        AtomicLong got = new AtomicLong();
        boolean viaLean = lean != null && lean.supports(r.bucket());
        Fetched f = tries.run(task, r, got, () -> viaLean ? leanGet(task, r, got) : sdkGet(task, r, got));
        if (f == null) {
            task.setDone(0);
            return false;
        }
        verify(task, object, f);
        write(r.local(), f.data(), task.hint().lastModified());
        return true;
    }

    private Fetched sdkGet(TransferTask task, TransferRequest.Download r, AtomicLong got)
            throws IOException, InterruptedException {
        boolean checksumMode = !checksumModeRefused;
        // The S3Client sends x-amz-checksum-mode only when asked: without it S3 returns no checksum.
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> {
            b.bucket(r.bucket()).key(r.key()).ifMatch(task.hint().etag());
            if (checksumMode) {
                b.checksumMode(ChecksumMode.ENABLED);
            }
        })) {
            GetObjectResponse resp = in.response();
            if (ChunkedAead.FORMAT.equals(resp.metadata().get(ChunkedAead.META))) {
                return null;
            }
            byte[] data = read(task, in, resp.contentLength(), got);
            return new Fetched(resp.metadata().get(Operations.SHA256_META), resp.eTag(), resp.serverSideEncryptionAsString(),
                    ServerChecksum.of(resp.sdkHttpResponse()), data);
        } catch (S3Exception e) {
            if (!checksumMode || !ChecksumSupport.isRefusal(e)) {
                throw e;
            }
            checksumModeRefused = true; // B2: "Unsupported header 'x-amz-checksum-mode'"
            return sdkGet(task, r, got);
        }
    }

    private Fetched leanGet(TransferTask task, TransferRequest.Download r, AtomicLong got) throws InterruptedException {
        return lean.get(r.bucket(), r.key(), task.hint().etag(), (resp, in) -> {
            if (ChunkedAead.FORMAT.equals(header(resp, "x-amz-meta-" + ChunkedAead.META))) {
                return null;
            }
            long length = resp.firstMatchingHeader("Content-Length").map(Long::parseLong)
                    .orElseThrow(() -> new IOException("the response has no Content-Length"));
            byte[] data = read(task, in, length, got);
            return new Fetched(header(resp, "x-amz-meta-" + Operations.SHA256_META), header(resp, "ETag"),
                    header(resp, "x-amz-server-side-encryption"), ServerChecksum.of(resp), data);
        });
    }

    private static String header(SdkHttpResponse resp, String name) {
        return resp.firstMatchingHeader(name).orElse(null);
    }

    private byte[] read(TransferTask task, InputStream in, long length, AtomicLong got)
            throws IOException, InterruptedException {
        byte[] data = new byte[Math.toIntExact(length)];
        tries.readFully(task, in, data, got);
        return data;
    }

    /// Checks `f` against Rackside's SHA-256, else the server's checksum, else a plain-MD5 ETag.
    /// A server checksum that does not match is overruled by a matching MD5 ETag: MinIO with
    /// compression stores the CRC64NVME of the compressed bytes on copies.
    static void verify(TransferTask task, String object, Fetched f) {
        String sha = f.sha256();
        boolean md5 = Hashes.etagIsMd5(f.etag(), f.sse());
        String expected;
        String actual;
        String algorithm;
        boolean same;
        if (sha != null) {
            algorithm = "SHA-256";
            expected = sha;
            actual = Hashes.hex(Hashes.sha256().digest(f.data()));
            same = expected.equalsIgnoreCase(actual);
        } else if (f.checksum() != null) {
            algorithm = f.checksum().algorithm();
            expected = f.checksum().value();
            actual = f.checksum().of(f.data());
            same = expected.equals(actual) // base64: case matters
                    || md5 && Hashes.stripQuotes(f.etag()).equalsIgnoreCase(Hashes.hex(Hashes.md5().digest(f.data())));
        } else if (md5) {
            algorithm = "MD5 (ETag)";
            expected = Hashes.stripQuotes(f.etag());
            actual = Hashes.hex(Hashes.md5().digest(f.data()));
            same = expected.equalsIgnoreCase(actual);
        } else {
            algorithm = "size";
            expected = Long.toString(task.hint().size());
            actual = Long.toString(f.data().length);
            same = expected.equals(actual);
        }
        if (!same) {
            task.setDone(0);
            throw new S3EngineException.IntegrityFailed(object, algorithm, expected, actual);
        }
    }

    private static void write(Path target, byte[] data, Instant lastModified) {
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
            Downloader.keepObjectTime(part, lastModified);
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new S3EngineException.LocalFileProblem(target, "it cannot be written (" + e.getMessage() + ")", e);
        }
    }
}
