package dev.rackside.s3.internal;

import dev.rackside.s3.S3EngineException;
import dev.rackside.s3.TransferRequest;
import software.amazon.awssdk.services.s3.S3Client;

import java.util.HashMap;
import java.util.Map;

/// What the server holds of one multipart upload: its parts (to resume from), whether it still
/// exists, and its abort.
final class StoredUpload {
    private final S3Client s3;
    private final Retrier retrier;
    private final Journal journal;
    private final TransferRequest.Upload r;
    private final TransferTask task;
    private final String what;

    StoredUpload(S3Client s3, Retrier retrier, Journal journal, TransferRequest.Upload r, TransferTask task) {
        this.s3 = s3;
        this.retrier = retrier;
        this.journal = journal;
        this.r = r;
        this.task = task;
        this.what = "upload " + r.bucket() + "/" + r.key();
    }

    /// The `journalled` parts the server still holds unchanged (ListParts, paginated). `crcSeen`
    /// runs when the listing shows the upload has CRC32C part checksums; parts listed without
    /// checksums prove nothing, since not every server lists them.
    Map<Integer, Journal.Part> confirmed(Journal.Entry entry, Map<Integer, Journal.Part> journalled, Runnable crcSeen) {
        Map<Integer, Journal.Part> confirmed = new HashMap<>();
        Integer marker = null;
        try {
            while (true) {
                Integer m = marker;
                var page = retrier.call(what + " (list stored parts)", () -> s3.listParts(b -> b.bucket(r.bucket())
                        .key(r.key()).uploadId(entry.uploadId()).partNumberMarker(m)), task::stopRequested);
                if (page.checksumAlgorithm() != null || page.parts().stream().anyMatch(p -> p.checksumCRC32C() != null)) {
                    crcSeen.run();
                }
                page.parts().forEach(p -> {
                    Journal.Part j = journalled.get(p.partNumber());
                    if (j != null && j.etag().equals(Hashes.stripQuotes(p.eTag())) && j.size() == p.size()) {
                        confirmed.put(j.number(), j);
                    }
                });
                if (!Boolean.TRUE.equals(page.isTruncated())) {
                    return confirmed;
                }
                marker = page.nextPartNumberMarker();
            }
        } catch (S3EngineException.NotFound e) {
            return Map.of(); // the upload was aborted or expired: start again
        }
    }

    boolean exists(String uploadId) {
        try {
            retrier.call(what, () -> s3.listParts(b -> b.bucket(r.bucket()).key(r.key()).uploadId(uploadId)));
            return true;
        } catch (S3EngineException.NotFound e) {
            return false;
        }
    }

    /// Aborts the upload (its parts are deleted) and forgets its journal entry.
    void discard(Journal.Entry entry) {
        if (entry.uploadId() != null) {
            try {
                retrier.call(what, () -> s3.abortMultipartUpload(b -> b.bucket(r.bucket()).key(r.key()).uploadId(entry.uploadId())));
            } catch (S3EngineException e) {
                // already gone, or unreachable: an orphan upload is listed under incomplete uploads
            }
        }
        journal.remove(entry.id());
    }
}
