package dev.rackside.s3;

/// Where a transfer is in its life.
public enum TransferState {
    QUEUED, RUNNING, PAUSED, COMPLETED, FAILED, CANCELLED;

    public boolean finished() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
