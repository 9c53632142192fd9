package dev.rackside.s3.internal;

import dev.rackside.s3.EngineOptions;
import dev.rackside.s3.S3EngineException;
import dev.rackside.s3.TransferRequest;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/// A resumable multipart upload of one file.
///
/// A first pass over the file computes the full-object SHA-256, so it is sent as user metadata
/// with CreateMultipartUpload: S3 takes metadata only there, and attaching it afterwards would cost
/// a server-side copy of the whole object. Then one reader goes through the file in order,
/// computing each part's CRC32C into a small pool of reused part buffers, and parallel senders
/// upload them (memory ≈ buffers × part size). Each stored part is journalled with its ETag and
/// CRC32C. On resume the journal's parts are kept only if the file still has the journalled
/// SHA-256, ListParts still shows them with the same ETag and size, and the local bytes still have
/// the journalled CRC32C; any difference restarts the upload rather than completing an object
/// whose content does not match its stored SHA-256.
final class MultipartUpload {
    private final S3Client s3;
    private final Retrier retrier;
    private final Journal journal;
    private final Throttle throttle;
    private final ResizableSemaphore gate;
    private final EngineOptions options;
    private final TransferTask task;
    private final TransferRequest.Upload r;
    private final ChecksumSupport checksums;
    private final StoredUpload stored;
    private final long size;
    private final String stamp;
    private final long newPartSize;
    // The new part size, or a resumed upload's own: its stored parts fix where each part starts.
    private long partSize;
    private final String what;
    private String knownSha256; // the file's SHA-256 when the caller has just computed it
    private ChunkedAead aead; // set when the upload is encrypted on the client
    // The upload's part checksum algorithm ([PartChecksums]): every part and the completion must
    // carry it. Learnt when created, or on resume from ListParts; null while unknown.
    private volatile String partAlgorithm;
    // Part checksums sent in another algorithm than CRC32C (not journalled), for the completion.
    private final Map<Integer, String> sentChecksums = new java.util.concurrent.ConcurrentHashMap<>();

    MultipartUpload(S3Client s3, Retrier retrier, Journal journal, Throttle throttle, ResizableSemaphore gate,
                    EngineOptions options, ChecksumSupport checksums, TransferTask task, TransferRequest.Upload r,
                    long size, String stamp, long partSize) {
        this.s3 = s3;
        this.checksums = checksums;
        this.stored = new StoredUpload(s3, retrier, journal, r, task);
        this.retrier = retrier;
        this.journal = journal;
        this.throttle = throttle;
        this.gate = gate;
        this.options = options;
        this.task = task;
        this.r = r;
        this.size = size;
        this.stamp = stamp;
        this.newPartSize = partSize;
        this.partSize = partSize;
        this.what = "upload " + r.bucket() + "/" + r.key();
    }

    /// Skips the first pass over the file: `sha256` is its SHA-256, just computed by the caller.
    MultipartUpload knowing(String sha256) {
        this.knownSha256 = sha256;
        return this;
    }

    void run() {
        // Also on resume: a file rewritten since the journal entry (even with its old mtime) must
        // not be completed under the old SHA-256.
        String sha256 = knownSha256 != null ? knownSha256 : Hashes.sha256Of(r.local(), size, task);
        Journal.Entry entry = journal.find("UPLOAD", r.bucket(), r.key(), r.local().toString()).orElse(null);
        Map<Integer, Journal.Part> kept = new HashMap<>();
        // Parts of one upload must all be encrypted alike: a resume with another encryption or
        // without the client-side key (or with one where there was none) starts over.
        if (entry != null && entry.uploadId() != null && entry.size() == size && stamp.equals(entry.stamp())
                && Uploader.partSizeFits(entry.partSize(), size) && sha256.equals(entry.sha256())
                && sseKind().equals(entry.sse()) && (entry.nonce() != null) == r.clientSideKey().isPresent()) {
            partSize = entry.partSize(); // also after a change of the minimum part size: the parts stay valid
            kept.putAll(stored.confirmed(entry, journal.parts(entry.id()), a -> partAlgorithm = a));
            if (entry.adopted() != null) {
                partAlgorithm = entry.adopted(); // as its check found it: "" when the upload has none
            }
            if (kept.isEmpty() && r.clientSideKey().isPresent()) {
                // Its metadata holds a checksum keyed by the key it was started with, which may
                // have been replaced since; with no part to lose, start again under this key.
                stored.discard(entry);
                entry = null;
            } else if (kept.isEmpty() && !stored.exists(entry.uploadId())) {
                entry = null;
            }
        } else if (entry != null && entry.adopted() != null && sseKind().equals(entry.sse()) && r.clientSideKey().isEmpty()) {
            changed(entry); // another tool's upload whose file changed under the same mtime
        } else if (entry != null) {
            stored.discard(entry);
            entry = null;
        }
        if (entry == null) {
            partSize = newPartSize;
            entry = start(sha256);
        }
        seal(entry);
        if (aead != null && !kept.isEmpty() && !sealsAsStored(kept)) {
            // The file matched its journalled SHA-256, so a stored part that now encrypts
            // differently was sealed under another key (the endpoint's key was replaced). Parts
            // under two keys would never decrypt: start over under this one, checked before any
            // part is sent, and hashing the file again in case it changed meanwhile after all.
            stored.discard(entry);
            kept.clear();
            partSize = newPartSize;
            entry = start(Hashes.sha256Of(r.local(), size, task));
            seal(entry);
        }
        sendParts(entry, kept);
        if (!stamp.equals(Uploader.stamp(r.local()))) {
            // Written to while it was sent: the parts may not match the SHA-256 sent at the start.
            changed(entry);
        }
        complete(entry);
        journal.remove(entry.id());
    }

    /// The file changed under `entry`'s stored parts: ours are aborted; another tool's upload is
    /// checked against the file again on the next try (its parts are never ours to abort).
    private void changed(Journal.Entry entry) {
        if (entry.adopted() != null) {
            AdoptedUpload.pendingAgain(journal, entry);
        } else {
            stored.discard(entry);
        }
        throw new S3EngineException.SourceChanged("The local file " + r.local());
    }

    /// Whether the first kept part encrypts under this key to what the server stored. One part
    /// tells: every part of an upload is sealed under the same key.
    private boolean sealsAsStored(Map<Integer, Journal.Part> kept) {
        Journal.Part first = kept.get(java.util.Collections.min(kept.keySet()));
        long offset = (first.number() - 1) * partSize;
        int len = (int) Math.min(partSize, size - offset);
        byte[] plain = new byte[len];
        try (FileChannel ch = FileChannel.open(r.local())) {
            Uploader.readFully(ch, plain, len, offset);
        } catch (IOException e) {
            throw new S3EngineException.LocalFileProblem(r.local(), "it cannot be read (" + e.getMessage() + ")", e);
        }
        byte[] sealed = aead.encrypt(offset, plain);
        return Hashes.crc32cBase64(sealed, 0, sealed.length).equals(first.crc32c());
    }

    private void seal(Journal.Entry entry) {
        if (r.clientSideKey().isPresent()) {
            aead = ChunkedAead.withPrefix(r.clientSideKey().get(), size, java.util.HexFormat.of().parseHex(entry.nonce()));
            task.setTotal(ChunkedAead.encryptedLength(size));
        }
    }

    private Journal.Entry start(String sha256) {
        String nonce = r.clientSideKey().map(k -> Hashes.hex(ChunkedAead.forNewUpload(k, size).noncePrefix())).orElse(null);
        String uploadId = retrier.call(what, () -> checksums.call(() -> {
            CreateMultipartUploadRequest.Builder b = CreateMultipartUploadRequest.builder().bucket(r.bucket()).key(r.key())
                    .contentType(Uploader.contentType(r.local()))
                    .metadata(nonce == null ? Map.of(Operations.SHA256_META, sha256)
                            : Map.of(Operations.SHA256_META, ChunkedAead.storedSha256(r.clientSideKey(), sha256),
                                    ChunkedAead.META, ChunkedAead.FORMAT));
            partAlgorithm = checksums.create(b) ? PartChecksums.CRC32C : PartChecksums.NONE; // the try that succeeds sets it last
            Sse.apply(b, r.encryption());
            return s3.createMultipartUpload(b.build());
        }), task::stopRequested).uploadId();
        Journal.Entry e = new Journal.Entry(task.id(), "UPLOAD", r.bucket(), r.key(), r.local().toString(), size, stamp,
                partSize, uploadId, sha256, sseKind(), nonce, null);
        journal.clearProgress(task.id());
        journal.put(e);
        return e;
    }

    private void sendParts(Journal.Entry entry, Map<Integer, Journal.Part> kept) {
        int count = (int) ((size + partSize - 1) / partSize);
        task.setDone(kept.values().stream().mapToLong(Journal.Part::size).sum());
        int buffers = (int) Math.max(1, Math.min(Math.min(gate.size() + 1L, count), options.bufferMemory() / partSize));
        // Reused part buffers: a new 8 MiB array per part made the heap (and RSS) grow under GC churn.
        BlockingQueue<byte[]> pool = new ArrayBlockingQueue<>(buffers);
        for (int i = 0; i < buffers; i++) {
            pool.add(new byte[(int) Math.min(partSize, size)]);
        }
        List<Future<?>> sends = new ArrayList<>();
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
             FileChannel ch = FileChannel.open(r.local())) {
            for (int number = 1; number <= count; number++) {
                byte[] buf;
                while ((buf = pool.poll(100, TimeUnit.MILLISECONDS)) == null) {
                    task.checkStop();
                    failFast(sends);
                }
                task.checkStop();
                failFast(sends);
                long offset = (number - 1) * partSize;
                int len = (int) Math.min(partSize, size - offset);
                Uploader.readFully(ch, buf, len, offset);
                byte[] body = aead == null ? buf : aead.encrypt(offset, Arrays.copyOf(buf, len));
                int bodyLen = aead == null ? len : body.length;
                String crc = Hashes.crc32cBase64(body, 0, bodyLen);
                Journal.Part done = kept.get(number);
                if (done != null) {
                    pool.add(buf);
                    if (!crc.equals(done.crc32c())) {
                        changed(entry);
                    }
                    continue;
                }
                int n = number;
                byte[] pooled = buf;
                sends.add(senders.submit(() -> {
                    try {
                        journal.addPart(entry.id(), sendPart(entry.uploadId(), n, body, bodyLen, crc));
                    } finally {
                        pool.add(pooled);
                    }
                    return null;
                }));
            }
            for (Future<?> f : sends) {
                Futures.join(f);
            }
        } catch (IOException e) {
            throw new S3EngineException.LocalFileProblem(r.local(), "it cannot be read (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new S3EngineException.Cancelled(task.describe());
        }
    }

    private static void failFast(List<Future<?>> sends) {
        for (Future<?> f : sends) {
            if (f.isDone()) {
                Futures.join(f); // rethrows a failed part's error at once
            }
        }
    }

    private Journal.Part sendPart(String uploadId, int number, byte[] buf, int len, String crc) {
        AtomicLong sent = new AtomicLong();
        try {
            var response = retrier.call(what + " (part " + number + ")", () -> {
                gate.acquire();
                try {
                    return checksums.call(() -> {
                        UploadPartRequest.Builder b = UploadPartRequest.builder().bucket(r.bucket()).key(r.key())
                                .uploadId(uploadId).partNumber(number).contentLength((long) len);
                        String other = checksums.part(b, partAlgorithm(), crc, buf, len);
                        if (other != null) {
                            sentChecksums.put(number, other);
                        }
                        Sse.apply(b, r.encryption());
                        return s3.uploadPart(b.build(), RequestBody.fromContentProvider(() -> {
                            task.add(-sent.getAndSet(0));
                            return new ChunkStream(buf, 0, len, task, throttle, sent);
                        }, len, "application/octet-stream"));
                    });
                } catch (software.amazon.awssdk.awscore.exception.AwsServiceException e) {
                    throw Errors.payloadMismatchAsCorruption(e);
                } finally {
                    gate.release();
                }
            }, task::stopRequested);
            return new Journal.Part(number, Hashes.stripQuotes(response.eTag()), crc, len);
        } catch (RuntimeException e) {
            task.add(-sent.getAndSet(0));
            throw e;
        }
    }

    private void complete(Journal.Entry entry) {
        long length = aead == null ? size : ChunkedAead.encryptedLength(size);
        stored.complete(entry, journal.parts(entry.id()).values(), this::partAlgorithm, sentChecksums, checksums, length);
        task.setDone(length);
    }

    /// What a resumed upload could not tell from its stored parts follows what the server takes
    /// (on a server that refuses checksum headers, its first refusal settles it).
    private String partAlgorithm() {
        String known = partAlgorithm;
        return known != null ? known : checksums.accepted() ? PartChecksums.CRC32C : PartChecksums.NONE;
    }

    private String sseKind() {
        return JournalCodec.sseKind(r.encryption());
    }
}
