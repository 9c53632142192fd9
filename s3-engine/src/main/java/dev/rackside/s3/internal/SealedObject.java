package dev.rackside.s3.internal;

import dev.rackside.s3.ObjectMetadata;
import dev.rackside.s3.S3EngineException;
import dev.rackside.s3.TransferRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;

import java.util.function.BooleanSupplier;

/// Opening a client-side encrypted object for download: reads its header and first chunk,
/// and tells a wrong key (fails twice) from a damaged transfer (fails once).
final class SealedObject {
    private SealedObject() {
    }

    /// The object's cipher, or null when it was not encrypted on the client.
    static ChunkedAead open(S3Client s3, Retrier retrier, TransferRequest.Download r, ObjectMetadata meta, BooleanSupplier stop) {
        if (!ChunkedAead.FORMAT.equals(meta.userMetadata().get(ChunkedAead.META))) {
            return null;
        }
        String object = r.bucket() + "/" + r.key();
        if (r.clientSideKey().isEmpty()) {
            throw new S3EngineException.Misconfigured(object + " was encrypted on the client (" + ChunkedAead.FORMAT
                    + "). Provide its key to download it.", null);
        }
        long end = Math.min(meta.size(), ChunkedAead.chunkOffset(1));
        for (int attempt = 1; ; attempt++) {
            byte[] head = retrier.call("download " + object, () -> {
                GetObjectRequest.Builder b = GetObjectRequest.builder().bucket(r.bucket()).key(r.key())
                        .range("bytes=0-" + (end - 1)).ifMatch(meta.etag());
                Sse.apply(b, r.encryption());
                return s3.getObjectAsBytes(b.build()).asByteArray();
            }, stop);
            ChunkedAead aead = ChunkedAead.fromHeader(r.clientSideKey().get(),
                    java.util.Arrays.copyOf(head, ChunkedAead.HEADER), object);
            try {
                if (head.length > ChunkedAead.HEADER) {
                    aead.decrypt(0, java.util.Arrays.copyOfRange(head, ChunkedAead.HEADER, head.length),
                            head.length - ChunkedAead.HEADER, object);
                }
                return aead;
            } catch (S3EngineException.IntegrityFailed e) {
                if (attempt == 2) {
                    throw new S3EngineException.Misconfigured("The client-side key does not open " + object
                            + " (or the object is damaged). Check that the right key is selected.", e);
                }
            }
        }
    }

    /// The stored bytes `[from, to)` holding plaintext `[start, end)` (chunk-aligned `start`).
    static long[] storedRange(long start, long end, long storedSize) {
        long first = start / ChunkedAead.CHUNK;
        long last = (end + ChunkedAead.CHUNK - 1) / ChunkedAead.CHUNK;
        return new long[] {ChunkedAead.chunkOffset(first), Math.min(storedSize, ChunkedAead.chunkOffset(last)), first};
    }
}
