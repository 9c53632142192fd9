package dev.rackside.s3;

/// Where a transfer is in its life.
public enum TransferState {
    QUEUED, RUNNING, PAUSED, COMPLETED, FAILED, CANCELLED;

    public boolean finished() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    /// Queued or running: work the queue still has to do without the operator.
    public boolean active() {
        return this == QUEUED || this == RUNNING;
    }
}
