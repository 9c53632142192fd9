package dev.rackside.s3.internal;

import dev.rackside.s3.EngineOptions;
import dev.rackside.s3.S3EngineException;
import dev.rackside.s3.TransferRequest;
import dev.rackside.s3.Encryption;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/// Uploads one file: in one PUT below the multipart threshold, otherwise through [MultipartUpload].
/// Either way the full-object SHA-256 is computed before the object is created and stored with it
/// as `x-amz-meta-rackside-sha256`.
final class Uploader {
    static final long MAX_OBJECT = 5L * 1024 * EngineOptions.GIB;
    static final int MAX_PARTS = 10_000;
    // A part is held in one byte array; S3 allows parts of up to 5 GiB, which no Java array (nor sane
    // heap) holds. EngineOptions keeps the minimum part size within it.
    static final long MAX_PART_BUFFER = EngineOptions.MAX_PART_SIZE;

    private final S3Client s3;
    private final LeanObjects lean; // null: every PUT through the S3Client
    private final Retrier retrier;
    private final Journal journal;
    private final Throttle throttle;
    private final ResizableSemaphore gate;
    private final EngineOptions options;
    // One per engine: a server that refused checksum headers once is not asked again.
    private final ChecksumSupport checksums = new ChecksumSupport();

    private final SseProbe sseProbe;

    Uploader(S3Client s3, LeanObjects lean, Retrier retrier, Journal journal, Throttle throttle, ResizableSemaphore gate,
             EngineOptions options, SseProbe sseProbe) {
        this.sseProbe = sseProbe;
        this.s3 = s3;
        this.lean = lean;
        this.retrier = retrier;
        this.journal = journal;
        this.throttle = throttle;
        this.gate = gate;
        this.options = options;
    }

    /// Part size for `size` bytes: at least the minimum, rounded up to whole MiB, so that no
    /// object needs more than 10,000 parts.
    static long partSize(long size, long min) {
        long needed = (size + MAX_PARTS - 1) / MAX_PARTS;
        long mib = EngineOptions.MIB;
        return Math.max(min, (needed + mib - 1) / mib * mib);
    }

    /// Whether parts of `partSize` can make an object of `size` bytes: S3's 5 MiB minimum (but for
    /// a single part), at most 10,000 parts, and small enough for one part buffer in memory.
    static boolean partSizeFits(long partSize, long size) {
        return partSize > 0 && partSize <= MAX_PART_BUFFER && (partSize >= 5 * EngineOptions.MIB || partSize >= size)
                && (size + partSize - 1) / partSize <= MAX_PARTS;
    }

    void run(TransferTask task) {
        TransferRequest.Upload r = (TransferRequest.Upload) task.request();
        Path file = r.local();
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new S3EngineException.LocalFileProblem(file, "it cannot be read (" + e.getMessage() + ")", e);
        }
        String stamp = stamp(file);
        if (size > MAX_OBJECT) {
            throw new S3EngineException.LocalFileProblem(file, "it is larger than S3's limit of 5 TiB per object", null);
        }
        task.setTotal(size);
        // Only a transfer the journal held when it was submitted, or one run before (paused, failed),
        // can have an entry that matters here (an adoption, a stale upload of ours): the first run
        // of any other skips a lookup per file of a big folder.
        Journal.Entry journalled = task.resumed() || task.generation() > 0
                ? journal.find(JournalCodec.kind(r), r.bucket(), r.key(), file.toString()).orElse(null) : null;
        if (journalled != null && journalled.adopted() != null && !AdoptedUpload.isPending(journalled)
                && (journalled.size() != size || !stamp.equals(journalled.stamp()))) {
            // Another tool's upload whose file changed (or was touched) since its parts were checked:
            // checked again, rather than sending the whole file anew beside those parts.
            journalled = AdoptedUpload.pendingAgain(journal, journalled);
        }
        if (journalled != null && AdoptedUpload.isPending(journalled)) {
            if (r.encryption() instanceof Encryption.None && r.clientSideKey().isEmpty()) {
                // Another tool's upload, whatever the file's size: its parts are checked, then completed.
                var adopted = new AdoptedUpload(new StoredUpload(s3, retrier, journal, r, task), journal, task, r, options)
                        .adopt(journalled, size, stamp);
                new MultipartUpload(s3, retrier, journal, throttle, gate, options, checksums, task, r, size, stamp,
                        adopted.partSize()).knowing(adopted.sha256()).run();
                return;
            }
            // This file asked for with encryption: not that upload's continuation, which stays as it was.
            journal.remove(journalled.id());
            journalled = null;
        }
        sseProbe.require(r.bucket(), r.key(), r.encryption(), task::stopRequested);
        // Below the threshold, an adopted upload still goes on as one, and our own only while it is
        // still this file (the threshold changed); a stale one of ours is aborted for a single PUT.
        boolean goesOn = journalled != null && journalled.uploadId() != null && (journalled.adopted() != null
                || journalled.size() == size && stamp.equals(journalled.stamp()));
        if (size < options.multipartThreshold() && !goesOn) {
            if (journalled != null && journalled.uploadId() != null) {
                new StoredUpload(s3, retrier, journal, r, task).discard(journalled);
            }
            single(task, r, size);
        } else {
            new MultipartUpload(s3, retrier, journal, throttle, gate, options, checksums, task, r, size, stamp,
                    partSize(size, options.minPartSize())).run();
        }
    }

    private void single(TransferTask task, TransferRequest.Upload r, long size) {
        byte[] data = new byte[(int) size];
        try (FileChannel ch = FileChannel.open(r.local())) {
            readFully(ch, data, 0);
        } catch (IOException e) {
            throw new S3EngineException.LocalFileProblem(r.local(), "it cannot be read (" + e.getMessage() + ")", e);
        }
        MessageDigest sha = Hashes.sha256();
        String sha256 = Hashes.hex(sha.digest(data));
        Map<String, String> meta = new java.util.HashMap<>(Map.of(Operations.SHA256_META,
                ChunkedAead.storedSha256(r.clientSideKey(), sha256)));
        if (r.clientSideKey().isPresent()) {
            data = ChunkedAead.forNewUpload(r.clientSideKey().get(), size).encrypt(0, data);
            meta.put(ChunkedAead.META, ChunkedAead.FORMAT);
            task.setTotal(data.length);
        }
        byte[] body = data;
        String md5 = Hashes.md5Base64(body);
        AtomicLong sent = new AtomicLong();
        task.setDone(0);
        // No SSE and no client-side key: their headers and keys stay with the S3Client.
        boolean viaLean = lean != null && r.encryption() instanceof Encryption.None && r.clientSideKey().isEmpty()
                && lean.supports(r.bucket());
        String type = contentType(r.local());
        ContentStreamProvider wire = () -> {
            task.add(-sent.getAndSet(0)); // a new try (or the signer's read) starts from zero
            return new ChunkStream(body, 0, body.length, task, throttle, sent);
        };
        retrier.call("upload " + r.bucket() + "/" + r.key(), () -> {
            gate.acquire();
            try {
                if (viaLean) {
                    Map<String, String> headers = new java.util.HashMap<>();
                    headers.put("Content-Type", type);
                    headers.put("Content-MD5", md5);
                    meta.forEach((k, v) -> headers.put("x-amz-meta-" + k, v));
                    return lean.put(r.bucket(), r.key(), headers, body, wire);
                }
                PutObjectRequest.Builder b = PutObjectRequest.builder().bucket(r.bucket()).key(r.key())
                        .contentType(type).contentMD5(md5)
                        .metadata(meta);
                Sse.apply(b, r.encryption());
                return s3.putObject(b.build(), RequestBody.fromContentProvider(wire, body.length, "application/octet-stream"));
            } finally {
                gate.release();
            }
        }, task::stopRequested);
    }

    /// The file's change stamp for the journal: its mtime. The `sha:` prefix marks entries whose
    /// upload was created with the SHA-256 in its metadata; older entries (a bare mtime) restart.
    static String stamp(Path file) {
        try {
            return "sha:" + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new S3EngineException.LocalFileProblem(file, "it cannot be read (" + e.getMessage() + ")", e);
        }
    }

    static String contentType(Path file) {
        try {
            String t = Files.probeContentType(file);
            return t == null ? "application/octet-stream" : t;
        } catch (IOException e) {
            return "application/octet-stream";
        }
    }

    static void readFully(FileChannel ch, byte[] buf, long position) throws IOException {
        readFully(ch, buf, buf.length, position);
    }

    static void readFully(FileChannel ch, byte[] buf, int len, long position) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(buf, 0, len);
        while (bb.hasRemaining()) {
            if (ch.read(bb, position + bb.position()) < 0) {
                throw new IOException("the file became shorter while it was read");
            }
        }
    }
}
