package dev.rackside.s3;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/// What a HEAD tells about an object.
///
/// @param userMetadata `x-amz-meta-*` entries, names without the prefix
/// @param sha256       the full-object SHA-256 Rackside stored when uploading, if any
public record ObjectMetadata(String key, long size, Instant lastModified, String etag, String contentType,
                             Map<String, String> userMetadata, Optional<String> versionId,
                             Optional<String> serverSideEncryption, Optional<String> sha256) {
    public ObjectMetadata {
        userMetadata = Map.copyOf(userMetadata);
    }

    /// Whether Rackside encrypted the object on a client (AES-256-GCM) before it was uploaded: it
    /// then reads back only with that client-side key, and `size` counts the ciphertext.
    public boolean clientSideEncrypted() {
        return dev.rackside.s3.internal.ChunkedAead.FORMAT.equals(userMetadata.get(dev.rackside.s3.internal.ChunkedAead.META));
    }
}
