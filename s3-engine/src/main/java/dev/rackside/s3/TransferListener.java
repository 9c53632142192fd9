package dev.rackside.s3;

/// Hears about transfers, in the shape of the AWS SDK's `TransferListener`.
///
/// Calls arrive on one engine thread, in order, and progress is coalesced (every
/// [EngineOptions#progressInterval]): never a call per byte. A UI forwards them to its own thread.
public interface TransferListener {

    default void transferInitiated(TransferProgress progress) {
    }

    /// Coalesced progress of one transfer.
    default void bytesTransferred(TransferProgress progress) {
    }

    default void transferComplete(TransferProgress progress) {
    }

    default void transferFailed(TransferProgress progress, S3EngineException error) {
    }

    /// Coalesced totals over all transfers in the queue (id `"total"`).
    default void queueProgress(TransferProgress total) {
    }
}
