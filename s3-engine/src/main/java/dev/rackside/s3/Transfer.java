package dev.rackside.s3;

import java.util.concurrent.CompletableFuture;

/// One upload or download in the [TransferQueue].
public interface Transfer {

    String id();

    TransferRequest request();

    TransferState state();

    TransferProgress progress();

    /// Stops sending and keeps everything done so far (journal, stored parts, `.part` file).
    void pause();

    /// Continues a paused transfer from where it stopped.
    void resume();

    /// Stops and throws away what was done: aborts the multipart upload, deletes the `.part`.
    void cancel();

    /// Starts a failed transfer again; it resumes from what was already transferred.
    void retry();

    /// False when a [#retry()] would not start it: a continuation of another tool's upload that was
    /// refused ([S3EngineException.NotResumable]) is not run again as a plain upload.
    default boolean retryable() {
        return true;
    }

    /// Completes when the transfer completes, or exceptionally with an [S3EngineException]
    /// when it fails or is cancelled. Pausing does not complete it.
    CompletableFuture<TransferProgress> completion();

    /// Waits for [#completion()], throwing its [S3EngineException].
    default TransferProgress await() {
        try {
            return completion().join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof S3EngineException s) {
                throw s;
            }
            throw e;
        }
    }
}
