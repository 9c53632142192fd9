package dev.rackside.s3.internal;

import dev.rackside.s3.EngineOptions;
import dev.rackside.s3.ObjectMetadata;
import dev.rackside.s3.S3EngineException;
import dev.rackside.s3.TransferRequest;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/// Downloads one object with parallel ranged GETs (every S3 server has them; `?partNumber` is
/// missing on some) into `name.part`. Each GET covers a span of several pieces of
/// [EngineOptions#rangeSize()]; the pieces are journalled as they land ([RangeLedger]), so a
/// resume or a retry after a dropped connection continues from the last landed piece. The GETs
/// carry `If-Match` with the ETag, so a changed object is noticed. The file is hashed in order
/// while the pieces land, checked against the stored SHA-256 (else the server's full-object
/// checksum, else a plain MD5 ETag) and only then renamed; a mismatch deletes it. A small object
/// from a listing takes [SmallDownload] instead: one GET, no HEAD, no journal.
final class Downloader {
    private static final System.Logger LOG = System.getLogger(Downloader.class.getName());
    private final S3Client s3;
    private final Retrier retrier;
    private final Operations ops;
    private final Journal journal;
    private final EngineOptions options;
    private final SmallDownload small;
    private final SpanFetch spanFetch;
    private final GetTries tries;

    Downloader(S3Client s3, LeanObjects lean, Retrier retrier, Operations ops, Journal journal, Throttle throttle, ResizableSemaphore gate,
               EngineOptions options) {
        this.s3 = s3;
        this.retrier = retrier;
        this.ops = ops;
        this.journal = journal;
        this.options = options;
        this.tries = new GetTries(retrier, gate, throttle);
        this.small = new SmallDownload(s3, lean, tries);
        this.spanFetch = new SpanFetch(s3, tries);
    }

    static Path partFile(Path target) {
        return target.resolveSibling(target.getFileName() + ".part");
    }

    /// Gives the verified `.part` file the object's time before it is renamed, as aws-cli and
    /// rclone do: a folder downloaded and later synced back is then not sent again whole (its
    /// files would otherwise all look newer than their objects). Best effort: a file system that
    /// refuses the time still gets a good file.
    static void keepObjectTime(Path part, Instant lastModified) {
        if (lastModified == null) {
            return;
        }
        try {
            Files.setLastModifiedTime(part, FileTime.from(lastModified));
        } catch (IOException e) {
            // the bytes are verified and complete; only their time is the download's
        }
    }

    void run(TransferTask task) {
        try (LocalFileLocks.Held held = waitForFile(task)) {
            if (SmallDownload.fits(task, options.rangeSize()) && small.run(task)) {
                return;
            }
            attempt(task);
        } catch (S3EngineException.IntegrityFailed | S3EngineException.SourceChanged e) {
            // One clean second try: a flipped bit in transit or an object replaced mid-download.
            try (LocalFileLocks.Held held = waitForFile(task)) {
                attempt(task);
            }
        }
    }

    // Another download of the same file (see LocalFileLocks) goes first; a pause or cancel ends
    // the wait, and the transfer slot is given back.
    private static LocalFileLocks.Held waitForFile(TransferTask task) {
        // A pause and resume within one look at the flag still ends this run: the resumed one is
        // another generation, started afresh.
        int generation = task.generation();
        try {
            LocalFileLocks.Held held = LocalFileLocks.hold(((TransferRequest.Download) task.request()).local(),
                    () -> task.stopRequested() || task.generation() != generation);
            if (held == null) {
                throw new S3EngineException.Cancelled(task.describe());
            }
            return held;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new S3EngineException.Cancelled(task.describe());
        }
    }

    private void attempt(TransferTask task) {
        TransferRequest.Download r = (TransferRequest.Download) task.request();
        Path target = r.local();
        Path part = partFile(target);
        ObjectHeads.Headed headed = ops.headForDownload(r.bucket(), r.key(), r.encryption());
        ObjectMetadata meta = headed.meta();
        if (meta.etag() == null) {
            // Seen on S3Proxy for an SSE-C object HEADed without its key: a hollow answer.
            throw new S3EngineException.Rejected("read " + r.bucket() + "/" + r.key(), 400, "InvalidRequest",
                    "the server did not describe the object; an SSE-C key may be missing or wrong", null);
        }
        ChunkedAead aead = SealedObject.open(s3, retrier, r, meta, task::stopRequested);
        long plainSize = aead == null ? meta.size() : aead.plaintextLength();
        // Encrypted ranges must hold whole chunks: round the range size to a chunk multiple.
        long step = aead == null ? options.rangeSize()
                : Math.max(ChunkedAead.CHUNK, options.rangeSize() / ChunkedAead.CHUNK * ChunkedAead.CHUNK);
        // Encrypted spans are decrypted in memory, so they stay one piece each.
        long span = aead == null ? SpanFetch.spanSize(plainSize, step, options.concurrency()) : step;
        task.setTotal(plainSize);
        Journal.Entry entry = journal.find("DOWNLOAD", r.bucket(), r.key(), target.toString()).orElse(null);
        // Journalled pieces of another size (options changed since) do not match this grid: start over.
        if (entry != null && (!meta.etag().equals(entry.stamp()) || entry.size() != meta.size() || entry.partSize() != step
                || !Files.exists(part))) {
            journal.clearProgress(entry.id());
            entry = null;
        }
        if (entry == null) {
            // The .part is about to hold this object's bytes: what another spelling of the name
            // journalled there (Photo.JPG paused, photo.jpg now) must not be trusted on its resume.
            forgetOtherSpellings(target);
            delete(part);
            entry = new Journal.Entry(task.id(), "DOWNLOAD", r.bucket(), r.key(), target.toString(), meta.size(),
                    meta.etag(), step, null, meta.sha256().orElse(null), JournalCodec.sseKind(r.encryption()),
                    aead == null ? null : Hashes.hex(aead.noncePrefix()), null);
            journal.clearProgress(entry.id());
            journal.put(entry);
        }
        String id = entry.id();
        Map<Long, Long> written = journal.ranges(id);
        if (!written.isEmpty() && written.values().stream().mapToLong(Long::longValue).max().orElse(0) > sizeOf(part)) {
            // Journalled pieces beyond the end of the .part file (cut short by a power cut: the
            // pieces are not forced when a digest checks the result): nothing of it can be trusted.
            journal.clearProgress(id);
            written = Map.of();
        }
        task.setDone(written.values().stream().mapToLong(Long::longValue).sum() - written.keySet().stream().mapToLong(Long::longValue).sum());
        // Rackside's SHA-256, else the server's full-object checksum, else a plain-MD5 ETag (an
        // inference: MinIO with --no-compat, for one, gives random ETags that look like MD5s).
        ServerChecksum.Expected kept = meta.sha256().isEmpty() && aead == null ? headed.checksum() : null;
        MessageDigest digest = meta.sha256().isPresent() ? Hashes.sha256() : kept != null ? kept.digest()
                : aead == null && md5Checked(meta) ? Hashes.md5() : null;
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            byte[] actual;
            try (FileChannel ch = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE)) {
                RangeLedger ledger = new RangeLedger(ch, journal, id, digest, written);
                List<Future<?>> gets = new ArrayList<>();
                try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                    for (long[] w : SpanFetch.spans(written, plainSize, step, span)) {
                        if (aead == null) {
                            gets.add(pool.submit(() -> {
                                spanFetch.fetch(task, r, meta, ch, w[0], w[1], step, ledger);
                                return null;
                            }));
                        } else {
                            gets.add(pool.submit(() -> {
                                fetch(task, r, meta, ch, w[0], w[1], aead);
                                ledger.landed(w[0], w[1]);
                                return null;
                            }));
                        }
                    }
                    for (Future<?> f : gets) {
                        Futures.join(f);
                    }
                }
                actual = ledger.finish(plainSize);
            }
            verify(task, r, meta, part, id, plainSize, digest, kept, actual);
            keepObjectTime(part, meta.lastModified());
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new S3EngineException.LocalFileProblem(target, "it cannot be written (" + e.getMessage() + ")", e);
        }
        journal.remove(id);
    }

    private void forgetOtherSpellings(Path target) {
        String key = LocalFileLocks.key(target);
        for (Journal.Entry e : journal.all()) {
            if ("DOWNLOAD".equals(e.kind()) && !e.local().equals(target.toString())
                    && LocalFileLocks.key(Path.of(e.local())).equals(key)) {
                journal.clearProgress(e.id());
            }
        }
    }

    /// One client-side-encrypted range: fetched whole, decrypted in memory, written.
    private void fetch(TransferTask task, TransferRequest.Download r, ObjectMetadata meta, FileChannel ch, long start, long end,
                       ChunkedAead aead) {
        AtomicLong got = new AtomicLong();
        long[] stored = SealedObject.storedRange(start, end, meta.size());
        spanFetch.get(task, r, meta, () -> stored[0], stored[1], got, (in, from) -> {
            byte[] sealed = new byte[(int) (stored[1] - stored[0])];
            tries.readFully(task, in, sealed, got);
            byte[] plain = aead.decrypt(stored[2], sealed, sealed.length, r.bucket() + "/" + r.key());
            write(ch, plain, start);
            task.add(plain.length - sealed.length);
            got.addAndGet(plain.length - sealed.length);
        });
    }

    private static void write(FileChannel ch, byte[] data, long position) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(data);
        while (bb.hasRemaining()) {
            ch.write(bb, position + bb.position());
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1; // unreadable or gone: every journalled piece is then beyond its end
        }
    }

    private static boolean md5Checked(ObjectMetadata meta) {
        return Hashes.etagIsMd5(meta.etag(), meta.serverSideEncryption().orElse(null));
    }

    // Only one digest is computed, the one that is compared (MD5 on top of SHA-256 cost ~2.5 s
    // per 2 GiB on a 2-core machine), and it was fed while the ranges landed.
    private void verify(TransferTask task, TransferRequest.Download r, ObjectMetadata meta, Path part, String id,
                        long expectedSize, MessageDigest digest, ServerChecksum.Expected kept, byte[] digested) throws IOException {
        long length = Files.size(part);
        String object = r.bucket() + "/" + r.key();
        String expected = null;
        String algorithm = null;
        String actual = null;
        if (length != expectedSize) {
            expected = Long.toString(expectedSize);
            algorithm = "size";
            actual = Long.toString(length);
        } else if (kept != null) {
            algorithm = kept.algorithm();
            expected = kept.value();
            actual = ServerChecksum.Expected.encode(digested);
        } else if (digest != null) {
            algorithm = meta.sha256().isPresent() ? "SHA-256" : "MD5 (ETag)";
            expected = meta.sha256().orElseGet(() -> Hashes.stripQuotes(meta.etag()));
            actual = Hashes.hex(digested);
            if (expected.startsWith(ChunkedAead.SEALED_DIGEST) && r.clientSideKey().isPresent()) {
                algorithm = "SHA-256 (keyed)";
                actual = ChunkedAead.sealedDigest(r.clientSideKey().get(), digested);
            }
        }
        // Hex digits may come in either case; base64 checksums are case-sensitive.
        boolean same = expected == null || (kept != null ? expected.equals(actual) : expected.equalsIgnoreCase(actual));
        if (!same && kept != null && !"size".equals(algorithm) && md5Checked(meta)
                && Hashes.stripQuotes(meta.etag()).equalsIgnoreCase(Hashes.hexOf(part, length, task, Hashes.md5()))) {
            // MinIO with compression stores the CRC64NVME of the compressed bytes on copies: the
            // bytes still match their MD5 ETag, a second witness that describes them.
            LOG.log(System.Logger.Level.WARNING, "{0}: the server''s {1} does not match, its MD5 ETag does: kept", object, algorithm);
            same = true;
        }
        if (!same) {
            quarantine(part);
            journal.remove(id);
            task.setDone(0);
            throw new S3EngineException.IntegrityFailed(object, algorithm, expected, actual);
        }
    }

    // The damaged bytes are of no use and must not be mistaken for the file: delete them.
    private static void quarantine(Path part) {
        delete(part);
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new S3EngineException.LocalFileProblem(p, "it cannot be deleted (" + e.getMessage() + ")", e);
        }
    }

}
