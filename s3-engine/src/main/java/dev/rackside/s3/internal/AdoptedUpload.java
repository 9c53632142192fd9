package dev.rackside.s3.internal;

import dev.rackside.s3.Encryption;
import dev.rackside.s3.S3EngineException;
import dev.rackside.s3.Transfer;
import dev.rackside.s3.TransferRequest;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/// Takes over an incomplete multipart upload that another tool or computer began, for the local
/// file the operator says it came from. The operator's word is not trusted: every stored part must
/// be that file's bytes at its place (by the part's checksum, or by an ETag that is its MD5), and the
/// parts must line up as one part size over the file. Only then is the upload written into the
/// journal, marked adopted, so [MultipartUpload] sends the missing parts in the upload's own checksum
/// algorithm, completes it, and resumes it after a crash. It stays the operator's: nothing aborts it
/// (a cancel, a changed file, a refusal only forget it), and it remains listed as incomplete.
final class AdoptedUpload {
    /// The stamp of a journal entry whose upload is still to be checked against its file.
    static final String PENDING = "adopt";

    private final StoredUpload stored;
    private final Journal journal;
    private final TransferTask task;
    private final TransferRequest.Upload r;
    private final dev.rackside.s3.EngineOptions options;

    AdoptedUpload(StoredUpload stored, Journal journal, TransferTask task, TransferRequest.Upload r,
                  dev.rackside.s3.EngineOptions options) {
        this.stored = stored;
        this.journal = journal;
        this.task = task;
        this.r = r;
        this.options = options;
    }

    /// Journals that `uploadId` is to be continued from `r`'s file (checked by [#adopt] when the
    /// transfer `id` runs). A journalled upload of this file to this key that is not `uploadId` is
    /// forgotten (not aborted: it stays listed as incomplete).
    ///
    /// @throws S3EngineException.Misconfigured when this engine began `uploadId` itself (from
    ///         another file, or encrypted): it is resumed as such, not taken over
    /// @return the id of the journal entry that now holds the continuation (`id`, or the one that did already)
    static String ask(Journal journal, TransferRequest.Upload r, String uploadId, String id) {
        var old = journal.find(JournalCodec.kind(r), r.bucket(), r.key(), r.local().toString());
        String plain = JournalCodec.sseKind(Encryption.none());
        for (Journal.Entry e : journal.all()) {
            boolean sameFile = old.isPresent() && e.id().equals(old.get().id());
            if (uploadId.equals(e.uploadId()) && (!sameFile || !plain.equals(e.sse()) || e.nonce() != null)) {
                throw new S3EngineException.Misconfigured("The upload of " + e.bucket() + "/" + e.key() + " was begun on this"
                        + " computer from " + e.local() + ". Resume it in the transfers panel instead.", null);
            }
        }
        if (old.isPresent() && uploadId.equals(old.get().uploadId())) {
            return old.get().id(); // this very continuation (or our own plain upload of this file): it resumes as it is
        }
        old.ifPresent(e -> journal.remove(e.id()));
        journal.put(pending(id, JournalCodec.kind(r), r.bucket(), r.key(), r.local().toString(), uploadId));
        return id;
    }

    /// Journals the continuation of `uploadId` from `r`'s file and submits it. `newest` is the
    /// engine's newest transfer of that file, if any: a failed one is retried under its own id, as
    /// the engine's submit does; an unfinished one refuses the continuation.
    static Transfer start(Journal journal, TransferTask newest, TransferRequest.Upload r, String uploadId,
                          java.util.function.Function<TransferRequest, Transfer> submit) {
        if (newest != null && !newest.state().finished()) {
            throw busy(r);
        }
        String id = ask(journal, r, uploadId, newest != null && newest.state() == dev.rackside.s3.TransferState.FAILED
                && newest.request().equals(r) && newest.retryable() ? newest.id() : java.util.UUID.randomUUID().toString());
        Transfer t = submit.apply(r);
        if (!t.id().equals(id)) {
            // A drop of the same file registered in between and runs as a plain upload: this continuation
            // is withdrawn (its upload stays as it was) rather than left to surface at the next start.
            journal.find(JournalCodec.kind(r), r.bucket(), r.key(), r.local().toString()).filter(e -> e.id().equals(id))
                    .filter(AdoptedUpload::isPending).ifPresent(e -> journal.remove(e.id()));
            throw busy(r);
        }
        return t;
    }

    /// Why a continuation of `r`'s upload cannot start now: another transfer of its file is unfinished.
    static S3EngineException busy(TransferRequest.Upload r) {
        return new S3EngineException.Misconfigured(r.local() + " is already being uploaded to " + r.bucket() + "/" + r.key()
                + ". Cancel that transfer first, then continue this upload again.", null);
    }

    /// `adopted` to be checked again (its file changed since): the same transfer, no parts kept.
    static Journal.Entry pendingAgain(Journal journal, Journal.Entry adopted) {
        Journal.Entry again = pending(adopted.id(), adopted.kind(), adopted.bucket(), adopted.key(), adopted.local(),
                adopted.uploadId());
        journal.remove(adopted.id());
        journal.put(again);
        return again;
    }

    /// An entry for `uploadId` still to be checked: plain (the stored parts are as sent), no size,
    /// part size or SHA-256 yet, and marked adopted already, so that nothing aborts it meanwhile.
    private static Journal.Entry pending(String id, String kind, String bucket, String key, String local, String uploadId) {
        return new Journal.Entry(id, kind, bucket, key, local, -1, PENDING, 0, uploadId, null,
                JournalCodec.sseKind(Encryption.none()), null, PartChecksums.NONE);
    }

    static boolean isPending(Journal.Entry e) {
        return PENDING.equals(e.stamp());
    }

    /// What checking a pending upload found: its part size and the file's SHA-256.
    record Adopted(long partSize, String sha256) {
    }

    /// Checks the pending upload against the file (`size` bytes, change stamp `stamp`) in one pass,
    /// and on success replaces the pending entry with one of this engine's own, its verified parts
    /// journalled. On any refusal the pending entry is forgotten and the upload left alone.
    Adopted adopt(Journal.Entry pending, long size, String stamp) {
        try {
            StoredUpload.Listing listing = stored.listing(pending.uploadId());
            long partSize = partSize(listing.parts(), size);
            if (!PartChecksums.computable(listing.algorithm())) {
                throw refused("its parts carry " + listing.algorithm() + " checksums, which Rackside cannot compute");
            }
            Map<Integer, StoredUpload.Stored> byNumber = new HashMap<>();
            listing.parts().forEach(p -> byNumber.put(p.number(), p));
            Map<Integer, Journal.Part> verified = new HashMap<>();
            String sha256 = check(byNumber, listing.algorithm(), partSize, size, verified);
            journal.remove(pending.id());
            journal.put(new Journal.Entry(pending.id(), pending.kind(), pending.bucket(), pending.key(), pending.local(), size,
                    stamp, partSize, pending.uploadId(), sha256, pending.sse(), null,
                    listing.algorithm() == null ? PartChecksums.NONE : listing.algorithm()));
            verified.values().forEach(p -> journal.addPart(pending.id(), p));
            return new Adopted(partSize, sha256);
        } catch (S3EngineException.NotResumable | S3EngineException.NotFound e) {
            // Refused for good: forgotten, also by a restart, which would otherwise upload this file
            // (not the upload's) to the key. The task is not retried either (TransferTask.retryable).
            journal.remove(pending.id());
            journal.unqueue(pending.kind(), pending.bucket(), pending.key(), pending.local());
            throw e instanceof S3EngineException.NotFound ? refused("the upload no longer exists (completed, aborted or"
                    + " expired)") : e;
        }
    }

    /// The one part size the stored parts line up with: each a full part, or the file's last one.
    private long partSize(List<StoredUpload.Stored> parts, long size) {
        if (size == 0) {
            throw refused("the file is empty");
        }
        long partSize = parts.isEmpty() ? Uploader.partSize(size, options.minPartSize())
                : parts.stream().mapToLong(StoredUpload.Stored::size).max().orElseThrow();
        if (!Uploader.partSizeFits(partSize, size)) {
            throw refused("its parts of " + partSize + " bytes cannot make an object of " + size + " bytes"
                    + (partSize > Uploader.MAX_PART_BUFFER ? " here (a part is held in memory, up to 1 GiB)" : ""));
        }
        for (StoredUpload.Stored p : parts) {
            long start = (p.number() - 1L) * partSize;
            boolean fits = p.number() >= 1 && (p.size() == partSize ? start + p.size() <= size : start + p.size() == size);
            if (!fits) {
                throw refused("stored part " + p.number() + " (" + p.size() + " bytes) does not fit a file of " + size
                        + " bytes in parts of " + partSize + " bytes: the file is not the one this upload was begun from");
            }
        }
        return partSize;
    }

    /// Reads the file once, part by part: its SHA-256, and each stored part checked against its bytes.
    private String check(Map<Integer, StoredUpload.Stored> byNumber, String algorithm, long partSize, long size,
                         Map<Integer, Journal.Part> verified) {
        MessageDigest sha256 = Hashes.sha256();
        byte[] buf = new byte[(int) Math.min(partSize, size)];
        int count = (int) ((size + partSize - 1) / partSize);
        try (FileChannel ch = FileChannel.open(r.local())) {
            for (int number = 1; number <= count; number++) {
                task.checkStop();
                long offset = (number - 1L) * partSize;
                task.checking(offset);
                int len = (int) Math.min(partSize, size - offset);
                Uploader.readFully(ch, buf, len, offset);
                sha256.update(buf, 0, len);
                StoredUpload.Stored p = byNumber.get(number);
                if (p != null) {
                    verify(p, algorithm, buf, len);
                    verified.put(number, new Journal.Part(number, p.etag(), Hashes.crc32cBase64(buf, 0, len), len));
                }
            }
        } catch (IOException e) {
            throw new S3EngineException.LocalFileProblem(r.local(), "it cannot be read (" + e.getMessage() + ")", e);
        } finally {
            task.checking(-1);
        }
        return Hashes.hex(sha256.digest());
    }

    /// By the part's own checksum when listed, else by an ETag that is the MD5 of its bytes (not so
    /// under SSE-KMS or SSE-C, which leaves such a part unchecked and the upload refused).
    private void verify(StoredUpload.Stored p, String algorithm, byte[] buf, int len) {
        boolean same;
        if (p.checksum() != null && algorithm != null && !algorithm.isEmpty()) {
            same = p.checksum().equals(PartChecksums.of(algorithm, buf, 0, len));
        } else if (Hashes.isPlainMd5(p.etag())) {
            MessageDigest md5 = Hashes.md5();
            md5.update(buf, 0, len);
            same = p.etag().equalsIgnoreCase(Hashes.hex(md5.digest()));
        } else {
            throw refused("stored part " + p.number() + " has neither a checksum nor an ETag that is its MD5 (encrypted"
                    + " by the server?), so it cannot be checked against the file");
        }
        if (!same) {
            throw refused("stored part " + p.number() + " does not match the file's bytes at its place: the file is not"
                    + " the one this upload was begun from, or it changed since");
        }
    }

    private S3EngineException.NotResumable refused(String reason) {
        return new S3EngineException.NotResumable(r.bucket() + "/" + r.key(), r.local(), reason);
    }
}
