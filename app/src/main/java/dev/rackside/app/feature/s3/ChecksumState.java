package dev.rackside.app.feature.s3;

import dev.rackside.s3.ObjectMetadata;

/// What a download of an object is verified against ([ObjectMetadata#checkedBy()]). Listings do
/// not return it, so it is read with a HEAD, only for rows the operator actually sees.
public enum ChecksumState {
    /// Not asked yet (the row was never on screen).
    UNKNOWN,
    CHECKING,
    /// Rackside's `x-amz-meta-rackside-sha256`, or a SHA-256 the server keeps.
    SHA256,
    /// A plain upload's ETag, which is its MD5.
    MD5,
    /// Encrypted on a client without a SHA-256: each chunk is authenticated as it is decrypted.
    AES_GCM,
    /// Full-object checksums the server keeps (AWS gives every new object a CRC64NVME).
    CRC64NVME,
    CRC32C,
    CRC32,
    SHA1,
    /// Nothing but the size to compare (e.g. an object another tool uploaded in parts to a server
    /// that keeps no checksum of it).
    NONE,
    /// The HEAD failed (the object vanished, or no permission).
    UNAVAILABLE,
    /// Folders have no checksum.
    NOT_APPLICABLE;

    public static ChecksumState of(ObjectMetadata meta) {
        return meta.checkedBy().map(a -> switch (a) {
            case "SHA-256", "SHA256" -> SHA256;
            case "MD5" -> MD5;
            case "AES-GCM" -> AES_GCM;
            case "CRC64NVME" -> CRC64NVME;
            case "CRC32C" -> CRC32C;
            case "CRC32" -> CRC32;
            case "SHA1" -> SHA1;
            default -> NONE;
        }).orElse(NONE);
    }

    /// Whether downloads are checked against more than the size.
    public boolean verified() {
        return switch (this) {
            case SHA256, MD5, AES_GCM, CRC64NVME, CRC32C, CRC32, SHA1 -> true;
            case UNKNOWN, CHECKING, NONE, UNAVAILABLE, NOT_APPLICABLE -> false;
        };
    }
}
