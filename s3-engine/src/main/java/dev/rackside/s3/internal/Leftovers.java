package dev.rackside.s3.internal;

import dev.rackside.s3.S3EngineException;
import dev.rackside.s3.TransferRequest;
import software.amazon.awssdk.services.s3.S3Client;

/// The journal rows and stray objects a transfer leaves behind, which [TransferEngine] forgets
/// once the transfer completes or is cancelled: a queued row, and on cancel also the journal
/// entry, the multipart upload it had open and a download's `.part` file.
final class Leftovers {
    private final S3Client s3;
    private final Retrier retrier;
    private final Journal journal;

    Leftovers(S3Client s3, Retrier retrier, Journal journal) {
        this.s3 = s3;
        this.retrier = retrier;
        this.journal = journal;
    }

    /// Forgets that `r` was asked for (it completed, or is being discarded).
    void unqueue(TransferRequest r) {
        journal.unqueue(JournalCodec.kind(r), r.bucket(), r.key(), r.local().toString());
    }

    /// Clears everything a cancelled `r` stored, so nothing can resume it.
    void discard(TransferRequest r) {
        journal.find(JournalCodec.kind(r), r.bucket(), r.key(), r.local().toString()).ifPresent(e -> {
            if (e.abortable()) { // another tool's upload stays the operator's: only forgotten
                try {
                    retrier.call("abort upload", () -> s3.abortMultipartUpload(b -> b.bucket(e.bucket()).key(e.key())
                            .uploadId(e.uploadId())));
                } catch (S3EngineException ignored) {
                    // listed later under incomplete uploads, where it can be aborted by hand
                }
            }
            journal.remove(e.id());
        });
        unqueue(r);
        if (r instanceof TransferRequest.Download d) {
            // Only if no download of the same file runs: the .part is then its (see LocalFileLocks).
            try (LocalFileLocks.Held free = LocalFileLocks.tryHold(d.local())) {
                if (free != null) {
                    java.nio.file.Files.deleteIfExists(Downloader.partFile(d.local()));
                }
            } catch (java.io.IOException ignored) {
                // a leftover .part is harmless: it is never mistaken for the finished file
            }
        }
    }
}
