package dev.rackside.app.feature.s3;

import dev.rackside.s3.Transfer;
import dev.rackside.s3.TransferProgress;
import dev.rackside.s3.TransferRequest;
import dev.rackside.s3.TransferState;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/// A transfer as the engine last reported it, for the transfers list's own logic (totals, which
/// command reaches which transfer); it records the commands it gets and moves no bytes.
final class ReportedTransfer implements Transfer {
    private final TransferProgress progress;
    final List<String> commands = new CopyOnWriteArrayList<>();
    boolean retryable = true;

    ReportedTransfer(TransferProgress progress) {
        this.progress = progress;
    }

    static ReportedTransfer in(String id, TransferState state) {
        return new ReportedTransfer(new TransferProgress(id, id, state, 0, 100, 0, java.util.Optional.empty()));
    }

    @Override
    public String id() {
        return progress.id();
    }

    @Override
    public TransferRequest request() {
        return new TransferRequest.Upload(java.nio.file.Path.of(progress.id()), "bucket", progress.id(),
                dev.rackside.s3.Encryption.none(), java.util.Optional.empty());
    }

    @Override
    public TransferState state() {
        return progress.state();
    }

    @Override
    public TransferProgress progress() {
        return progress;
    }

    @Override
    public void pause() {
        commands.add("pause");
    }

    @Override
    public void resume() {
        commands.add("resume");
    }

    @Override
    public void cancel() {
        commands.add("cancel");
    }

    @Override
    public void retry() {
        commands.add("retry");
    }

    @Override
    public boolean retryable() {
        return retryable;
    }

    @Override
    public CompletableFuture<TransferProgress> completion() {
        return new CompletableFuture<>();
    }
}
