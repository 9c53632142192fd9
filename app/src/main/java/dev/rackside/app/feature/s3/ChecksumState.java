package dev.rackside.app.feature.s3;

/// Whether an object carries the full-object SHA-256 Rackside stores when it uploads. Listings do
/// not return metadata, so it is read with a HEAD, only for rows the operator actually sees.
public enum ChecksumState {
    /// Not asked yet (the row was never on screen).
    UNKNOWN,
    CHECKING,
    /// `x-amz-meta-rackside-sha256` is present: downloads are verified end to end.
    SHA256,
    /// No Rackside checksum (uploaded by another tool); downloads are checked against the ETag only.
    NONE,
    /// The HEAD failed (the object vanished, or no permission).
    UNAVAILABLE,
    /// Folders have no checksum.
    NOT_APPLICABLE
}
