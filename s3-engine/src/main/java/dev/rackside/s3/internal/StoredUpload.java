package dev.rackside.s3.internal;

import dev.rackside.s3.S3EngineException;
import dev.rackside.s3.TransferRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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

    /// One stored part as ListParts shows it; `checksum` is its value in the upload's algorithm, if listed.
    record Stored(int number, long size, String etag, String checksum) {
    }

    /// All of an upload's stored parts (ListParts, paginated). `algorithm` is the upload's part
    /// checksum algorithm as the server names it (`CRC32C`, `CRC32`, `SHA256`, …), or null when the
    /// listing shows none; `type` is `COMPOSITE` or `FULL_OBJECT` where the server says.
    record Listing(List<Stored> parts, String algorithm, String type) {
    }

    /// @throws S3EngineException.NotFound when the upload was aborted, completed or expired
    Listing listing(String uploadId) {
        List<Stored> parts = new ArrayList<>();
        String algorithm = null;
        String type = null;
        Integer marker = null;
        while (true) {
            Integer m = marker;
            var page = retrier.call(what + " (list stored parts)", () -> s3.listParts(b -> b.bucket(r.bucket())
                    .key(r.key()).uploadId(uploadId).partNumberMarker(m)), task::stopRequested);
            String named = page.checksumAlgorithmAsString() == null ? null
                    : page.checksumAlgorithmAsString().toUpperCase(java.util.Locale.ROOT);
            if (named == null && page.parts().stream().anyMatch(p -> p.checksumCRC32C() != null)) {
                named = PartChecksums.CRC32C; // a server that lists the values but not the algorithm
            }
            algorithm = algorithm == null ? named : algorithm;
            type = type == null ? page.checksumTypeAsString() : type;
            for (var p : page.parts()) {
                parts.add(new Stored(p.partNumber(), p.size(), Hashes.stripQuotes(p.eTag()), PartChecksums.valueOf(p, named)));
            }
            if (!Boolean.TRUE.equals(page.isTruncated())) {
                return new Listing(List.copyOf(parts), algorithm, type);
            }
            marker = page.nextPartNumberMarker();
        }
    }

    /// The `journalled` parts the server still holds unchanged. `algorithmSeen` gets the upload's
    /// part checksum algorithm when the listing shows one; parts listed without checksums prove
    /// nothing, since not every server lists them.
    Map<Integer, Journal.Part> confirmed(Journal.Entry entry, Map<Integer, Journal.Part> journalled,
                                         java.util.function.Consumer<String> algorithmSeen) {
        Listing listing;
        try {
            listing = listing(entry.uploadId());
        } catch (S3EngineException.NotFound e) {
            return Map.of(); // the upload was aborted or expired: start again
        }
        if (listing.algorithm() != null && PartChecksums.computable(listing.algorithm())) {
            algorithmSeen.accept(listing.algorithm());
        }
        Map<Integer, Journal.Part> confirmed = new HashMap<>();
        for (Stored p : listing.parts()) {
            Journal.Part j = journalled.get(p.number());
            if (j != null && j.etag().equals(p.etag()) && j.size() == p.size()) {
                confirmed.put(j.number(), j);
            }
        }
        return confirmed;
    }

    /// Completes the upload from its `journalled` parts, each with its checksum in the upload's
    /// `algorithm` (see [ChecksumSupport#completed]): ours journalled as CRC32C, another tool's
    /// algorithm as `sent` this run or else as the server lists them. A completion whose answer was
    /// lost (the upload is gone) counts if the object is there with the `expected` size.
    void complete(Journal.Entry entry, java.util.Collection<Journal.Part> journalled, java.util.function.Supplier<String> algorithm,
                  Map<Integer, String> sent, ChecksumSupport checksums, long expected) {
        try {
            String known = algorithm.get();
            Map<Integer, String> values = new HashMap<>(sent);
            if (!known.isEmpty() && !PartChecksums.CRC32C.equals(known)
                    && journalled.stream().anyMatch(p -> !values.containsKey(p.number()))) {
                listing(entry.uploadId()).parts().forEach(p -> values.putIfAbsent(p.number(), p.checksum()));
            }
            retrier.call(what, () -> checksums.call(() -> s3.completeMultipartUpload(b -> {
                String a = algorithm.get(); // a second try after a refused checksum header goes without
                List<CompletedPart> parts = journalled.stream()
                        .map(p -> ChecksumSupport.completed(p, a, values.get(p.number()))).toList();
                b.bucket(r.bucket()).key(r.key()).uploadId(entry.uploadId()).multipartUpload(m -> m.parts(parts));
                Sse.apply(b, r.encryption());
            })), task::stopRequested);
        } catch (S3EngineException.NotFound e) {
            var head = retrier.call(what, () -> s3.headObject(b -> {
                b.bucket(r.bucket()).key(r.key());
                Sse.apply(b, r.encryption());
            }));
            if (head.contentLength() != expected) {
                throw e;
            }
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

    /// Aborts the upload (its parts are deleted) and forgets its journal entry. One another tool
    /// began is only forgotten: its parts are the operator's, listed under incomplete uploads.
    void discard(Journal.Entry entry) {
        if (entry.abortable()) {
            try {
                retrier.call(what, () -> s3.abortMultipartUpload(b -> b.bucket(r.bucket()).key(r.key()).uploadId(entry.uploadId())));
            } catch (S3EngineException e) {
                // already gone, or unreachable: an orphan upload is listed under incomplete uploads
            }
        }
        journal.remove(entry.id());
    }
}
