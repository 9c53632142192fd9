package dev.rackside.s3;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/// What a HEAD tells about an object.
///
/// @param userMetadata `x-amz-meta-*` entries, names without the prefix
/// @param sha256       the full-object SHA-256 Rackside stored when uploading, if any (for an
///                     object encrypted on a client, a keyed digest of it marked `hmac-`)
/// @param kmsKeyId     the KMS key of an SSE-KMS object, when the server names it
/// @param headers      Cache-Control, Content-Disposition and the like, kept by copies
/// @param serverChecksum the algorithm of the full-object checksum the server keeps (`CRC64NVME`,
///                     `CRC32C`, `CRC32`, `SHA1`, `SHA256`), when the HEAD asked for it and got one
public record ObjectMetadata(String key, long size, Instant lastModified, String etag, String contentType,
                             Map<String, String> userMetadata, Optional<String> versionId,
                             Optional<String> serverSideEncryption, Optional<String> sha256, Optional<String> kmsKeyId,
                             ContentHeaders headers, Optional<String> serverChecksum) {
    public ObjectMetadata {
        userMetadata = Map.copyOf(userMetadata);
        headers = headers == null ? ContentHeaders.none() : headers;
        serverChecksum = serverChecksum == null ? Optional.empty() : serverChecksum;
    }

    /// What a download of this object is checked against, as the downloader chooses: Rackside's
    /// SHA-256 (`SHA-256`), else for an object encrypted on a client its authenticated chunks
    /// (`AES-GCM`), else the server's full-object checksum, else the MD5 a plain upload's ETag is
    /// (`MD5`); empty when only the size can be compared.
    public Optional<String> checkedBy() {
        if (sha256.isPresent()) {
            return Optional.of("SHA-256");
        }
        if (clientSideEncrypted()) {
            return Optional.of("AES-GCM");
        }
        if (serverChecksum.isPresent()) {
            return serverChecksum;
        }
        return dev.rackside.s3.internal.Hashes.etagIsMd5(etag, serverSideEncryption.orElse(null))
                ? Optional.of("MD5") : Optional.empty();
    }

    /// The same object with another content type and user metadata (what a metadata edit changes).
    public ObjectMetadata withMetadata(String newContentType, Map<String, String> newUserMetadata) {
        return new ObjectMetadata(key, size, lastModified, etag, newContentType, newUserMetadata, versionId,
                serverSideEncryption, sha256, kmsKeyId, headers, serverChecksum);
    }

    /// The server-side encryption a copy must ask for to stay encrypted as this object is: a copy
    /// that names none gets the target bucket's default instead (SSE-S3 on AWS, often nothing
    /// elsewhere), so a renamed SSE-KMS object would lose its KMS key.
    public Encryption keptEncryption() {
        String sse = serverSideEncryption.orElse("");
        return sse.equals("aws:kms") ? new Encryption.SseKms(kmsKeyId)
                : sse.equals("AES256") ? new Encryption.SseS3() : Encryption.none();
    }

    /// Whether Rackside encrypted the object on a client (AES-256-GCM) before it was uploaded: it
    /// then reads back only with that client-side key, and `size` counts the ciphertext.
    public boolean clientSideEncrypted() {
        return dev.rackside.s3.internal.ChunkedAead.FORMAT.equals(userMetadata.get(dev.rackside.s3.internal.ChunkedAead.META));
    }
}
